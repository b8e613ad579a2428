"""Events as the API shows them: with their sentence, and with their article."""

from datetime import date

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

from diplograph.app.schemas.actors import ACTOR_EXAMPLE, OTHER_ACTOR_EXAMPLE, ActorOut

EVENT_EXAMPLE: JsonDict = {
    "id": 7,
    "article_id": 1,
    "source": ACTOR_EXAMPLE,
    "target": OTHER_ACTOR_EXAMPLE,
    "action": "meet",
    "cameo": "040",
    "goldstein": 1.0,
    "quad_class": 1,
    "negated": False,
    "modality": "asserted",
    "date": "2017-12-11",
    "location": "Latakia",
    "trigger": "met with",
    "sentence": "... where he met with Syrian President Bashar al Assad.",
    "sentence_index": 6,
    "confidence": 0.71,
}
ARTICLE_REF_EXAMPLE: JsonDict = {
    "id": 1,
    "title": "Putin visits Syria, Egypt and Turkey",
    "url": "https://example.org/putin-syria-egypt",
    "published": "2017-12-11",
}


class EventOut(BaseModel):
    """One who-did-what-to-whom event, CAMEO-coded, with the sentence that says so."""

    model_config = ConfigDict(json_schema_extra={"examples": [EVENT_EXAMPLE]})

    id: int
    article_id: int
    source: ActorOut
    target: ActorOut
    action: str = Field(description="The lexicon's name of the action (meet, criticize...).")
    cameo: str = Field(description="CAMEO event code.")
    goldstein: float = Field(description="Goldstein score, -10 (conflict) to +10 (cooperation).")
    quad_class: int = Field(description="1 verbal/2 material cooperation, 3/4 conflict.")
    negated: bool
    modality: str = Field(description="asserted, intended, requested, reported or hypothetical.")
    date: date | None
    location: str | None
    trigger: str = Field(description="The words the event was found by.")
    sentence: str
    sentence_index: int
    confidence: float


class ArticleRef(BaseModel):
    """Where an event was reported."""

    model_config = ConfigDict(json_schema_extra={"examples": [ARTICLE_REF_EXAMPLE]})

    id: int
    title: str | None
    url: str | None
    published: date | None


class EventEvidence(EventOut):
    """An event with the article it comes from: the view every answer links to."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{**EVENT_EXAMPLE, "article": ARTICLE_REF_EXAMPLE}]}
    )

    article: ArticleRef


class EventPage(BaseModel):
    """One page of events and the total number matching."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"total": 1, "limit": 100, "offset": 0, "items": [EVENT_EXAMPLE]}]
        }
    )

    total: int
    limit: int
    offset: int
    items: list[EventOut]
