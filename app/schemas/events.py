"""Events as the API shows them: with their sentence, and with their article."""

import datetime as dt
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
    sentence: str = Field(description="The first sentence that tells it (see `mentions`).")
    sentence_index: int
    confidence: float
    num_mentions: int = Field(
        default=1, description="Sentences (in every article) that tell this occurrence."
    )
    num_articles: int = Field(default=1, description="Articles that tell it.")
    num_sources: int = Field(
        default=1, description="Sources (URL hosts; an article without URL is its own)."
    )


class MentionOut(BaseModel):
    """One piece of evidence of an event: a sentence of an article that tells it."""

    article_id: int
    article_title: str | None
    published: date | None
    sentence_index: int
    sentence: str
    trigger: str
    date: dt.date | None = Field(description="The date this sentence gives the act.")
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
    mentions: list[MentionOut] = Field(
        default_factory=list, description="Every sentence that tells it, in every article."
    )


class EventPage(BaseModel):
    """One page of events and the total number matching."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"total": 1, "limit": 100, "offset": 0, "items": [EVENT_EXAMPLE]}]
        }
    )

    total: int = Field(description="Matching occurrences.")
    limit: int
    offset: int
    items: list[EventOut]
    mentions: int = Field(default=0, description="Sentences behind the matching occurrences.")
    actor_ids: list[int] | None = Field(
        default=None,
        description="With `actor`: the actors asked about (a state and its members, "
        "unless `exact=true`).",
    )
    hint: str | None = Field(default=None, description="When nothing matches: what would.")
