"""Answers computed on the event graph: the shared pieces and who met whom."""

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

from diplograph.app.schemas.actors import ACTOR_EXAMPLE, OTHER_ACTOR_EXAMPLE

LevelOut = Literal["actor", "country"]

EVIDENCE_EXAMPLE: JsonDict = {
    "event_id": 7,
    "date": "2017-12-11",
    "sentence": "... where he met with Syrian President Bashar al Assad.",
    "trigger": "met with",
    "article_id": 1,
}
PAIR_EXAMPLE: JsonDict = {
    "a": ACTOR_EXAMPLE,
    "b": OTHER_ACTOR_EXAMPLE,
    "count": 1,
    "first_date": "2017-12-11",
    "last_date": "2017-12-11",
    "evidence": [EVIDENCE_EXAMPLE],
}
QUAD_EXAMPLE: JsonDict = {
    "verbal_cooperation": 2,
    "material_cooperation": 0,
    "verbal_conflict": 1,
    "material_conflict": 0,
}
SUMMARY_EXAMPLE: JsonDict = {
    "events": 3,
    "outgoing": 2,
    "incoming": 1,
    "quad_classes": QUAD_EXAMPLE,
    "goldstein_sum": 0.8,
    "mean_goldstein": 0.267,
    "first_date": "2017-12-11",
    "last_date": "2018-05-17",
    "event_ids": [7, 12, 31],
}
EVENT_REF_EXAMPLE: JsonDict = {
    "event_id": 7,
    "source": 1,
    "target": 5,
    "cameo": "040",
    "quad_class": 1,
    "goldstein": 1.0,
    "modality": "asserted",
    "confidence": 0.71,
    "date": "2017-12-11",
    "sentence": "... where he met with Syrian President Bashar al Assad.",
    "trigger": "met with",
    "article_id": 1,
}


class NodeOut(BaseModel):
    """A node of the graph: an actor, or a country in the country view (id = ISO alpha-3)."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [ACTOR_EXAMPLE]})

    id: int | str = Field(description="Actor id, or the country's ISO 3166-1 alpha-3 code.")
    name: str
    type: str
    country: str | None
    role: str | None


class QuadCountsOut(BaseModel):
    """How many events fall in each CAMEO quad class."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [QUAD_EXAMPLE]})

    verbal_cooperation: int = Field(description="Quad class 1.")
    material_cooperation: int = Field(description="Quad class 2.")
    verbal_conflict: int = Field(description="Quad class 3.")
    material_conflict: int = Field(description="Quad class 4.")


class TieSummaryOut(BaseModel):
    """The events linking two sides: counts, Goldstein sum and mean, dates, evidence ids."""

    model_config = ConfigDict(
        from_attributes=True, json_schema_extra={"examples": [SUMMARY_EXAMPLE]}
    )

    events: int
    outgoing: int = Field(description="Events from the side the summary is taken from.")
    incoming: int = Field(description="Events towards it.")
    quad_classes: QuadCountsOut
    goldstein_sum: float
    mean_goldstein: float = Field(description="0.0 when there are no events.")
    mentions: int = Field(
        default=0, description="Sentences (in every article) behind these events."
    )
    first_date: date | None
    last_date: date | None
    event_ids: list[int] = Field(description="The events, each at /events/{id}.")


class EventRefOut(BaseModel):
    """One event as evidence: who did what to whom, when, and the sentence that says so."""

    model_config = ConfigDict(
        from_attributes=True, json_schema_extra={"examples": [EVENT_REF_EXAMPLE]}
    )

    event_id: int
    source: int | str = Field(description="Source node id.")
    target: int | str = Field(description="Target node id.")
    cameo: str
    quad_class: int
    goldstein: float
    modality: str
    confidence: float
    date: date | None
    sentence: str
    trigger: str
    article_id: int
    mentions: int = Field(default=1, description="Sentences that tell this occurrence.")
    articles: int = Field(default=1, description="Articles that tell it.")


class Evidence(BaseModel):
    """An event that supports a graph answer, with its sentence (details at /events/{id})."""

    model_config = ConfigDict(json_schema_extra={"examples": [EVIDENCE_EXAMPLE]})

    event_id: int
    date: date | None
    sentence: str
    trigger: str
    article_id: int
    mentions: int = Field(
        default=1, description="Sentences that tell this occurrence (the one shown is the first)."
    )
    articles: int = Field(default=1, description="Articles that tell it.")


class MeetingPairOut(BaseModel):
    """Two actors that met (consulted, visited, hosted, negotiated) and the evidence."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [PAIR_EXAMPLE]})

    a: NodeOut
    b: NodeOut
    count: int = Field(description="Occurrences: one meeting told in many sentences is one.")
    mentions: int = Field(default=0, description="Sentences behind those occurrences.")
    first_date: date | None
    last_date: date | None
    evidence: list[Evidence]


class WhoMetWhom(BaseModel):
    """Who met whom, around one actor (then ``a`` of every pair) or across all actors."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "level": "actor",
                    "actor": ACTOR_EXAMPLE,
                    "pairs": [PAIR_EXAMPLE],
                    "total": 1,
                    "limit": 100,
                    "offset": 0,
                }
            ]
        }
    )

    level: LevelOut
    actor: NodeOut | None
    pairs: list[MeetingPairOut]
    total: int = Field(description="How many items there are in all (before limit and offset).")
    limit: int = Field(description="Most items this answer lists.")
    offset: int = Field(description="Items skipped before the first one listed.")
