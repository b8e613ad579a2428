"""Answers computed on the event graph."""

from datetime import date

from pydantic import BaseModel, ConfigDict
from pydantic.config import JsonDict

from app.schemas.actors import ACTOR_EXAMPLE, OTHER_ACTOR_EXAMPLE, ActorOut

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


class Evidence(BaseModel):
    """An event that supports a graph answer, with its sentence (details at /events/{id})."""

    model_config = ConfigDict(json_schema_extra={"examples": [EVIDENCE_EXAMPLE]})

    event_id: int
    date: date | None
    sentence: str
    trigger: str
    article_id: int


class MeetingPairOut(BaseModel):
    """Two actors that met (consulted, visited, hosted, negotiated) and the evidence."""

    model_config = ConfigDict(json_schema_extra={"examples": [PAIR_EXAMPLE]})

    a: ActorOut
    b: ActorOut
    count: int
    first_date: date | None
    last_date: date | None
    evidence: list[Evidence]


class WhoMetWhom(BaseModel):
    """Who met whom, around one actor (then ``a`` of every pair) or across all actors."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"actor": ACTOR_EXAMPLE, "pairs": [PAIR_EXAMPLE]}]}
    )

    actor: ActorOut | None
    pairs: list[MeetingPairOut]
