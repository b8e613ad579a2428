"""Pydantic models of the HTTP API: request bodies and responses."""

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic.config import JsonDict

ACTOR_EXAMPLE: JsonDict = {
    "id": 1,
    "name": "Vladimir Putin",
    "type": "person",
    "country": "RUS",
    "role": "president",
}


class ActorOut(BaseModel):
    """An actor: a person, state, organization or group."""

    model_config = ConfigDict(json_schema_extra={"example": ACTOR_EXAMPLE})

    id: int
    name: str
    type: str
    country: str | None
    role: str | None


class ActorDetail(ActorOut):
    """An actor with its aliases and how many events it takes part in."""

    aliases: list[str]
    events_as_source: int
    events_as_target: int


class EventOut(BaseModel):
    """One who-did-what-to-whom event with its evidence sentence."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "id": 8,
                "article_id": 1,
                "source": ACTOR_EXAMPLE,
                "target": {**ACTOR_EXAMPLE, "id": 5, "name": "Bashar al Assad", "country": "SYR"},
                "action": "meet",
                "cameo": "040",
                "goldstein": 1.0,
                "quad_class": 1,
                "negated": False,
                "modality": "asserted",
                "date": "2017-12-11",
                "location": None,
                "trigger": "met with",
                "sentence": "... where he met with Syrian President Bashar al Assad.",
                "confidence": 0.85,
            }
        }
    )

    id: int
    article_id: int
    source: ActorOut
    target: ActorOut
    action: str
    cameo: str
    goldstein: float
    quad_class: int
    negated: bool
    modality: str
    date: date | None
    location: str | None
    trigger: str
    sentence: str
    sentence_index: int
    confidence: float


class ArticleRef(BaseModel):
    """Where an event was reported."""

    id: int
    title: str | None
    url: str | None
    published: date | None


class EventEvidence(EventOut):
    """An event with the article it comes from: the view every answer links to."""

    article: ArticleRef


class EventPage(BaseModel):
    """One page of events and the total number matching."""

    total: int
    limit: int
    offset: int
    items: list[EventOut]


class ArticleIn(BaseModel):
    """An article to ingest."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "text": "Russian President Vladimir Putin met Syrian President Bashar al-Assad "
                "in Damascus on Monday.",
                "published": "2017-12-11",
                "title": "Putin meets Assad",
                "url": "https://example.org/putin-assad",
            }
        }
    )

    text: str = Field(description="The article text, one paragraph per line.")
    published: date | None = Field(default=None, description="Publication date (YYYY-MM-DD).")
    title: str | None = None
    url: str | None = None

    @field_validator("text")
    @classmethod
    def text_not_blank(cls, value: str) -> str:
        """Return the text unchanged; reject an empty or whitespace-only one."""
        if not value.strip():
            raise ValueError("the article text is empty")
        return value


class ArticleSummary(BaseModel):
    """An article without its text."""

    id: int
    title: str | None
    url: str | None
    published: date | None
    ingested_at: datetime
    events: int


class ArticlePage(BaseModel):
    """One page of articles and the total number."""

    total: int
    limit: int
    offset: int
    items: list[ArticleSummary]


class SentenceOut(BaseModel):
    """A sentence of an article with its character offsets."""

    index: int
    paragraph: int
    text: str
    start: int
    end: int


class ArticleDetail(BaseModel):
    """An article with its sentences and events."""

    id: int
    title: str | None
    url: str | None
    published: date | None
    ingested_at: datetime
    text: str
    sentences: list[SentenceOut]
    events: list[EventOut]


class IngestResult(BaseModel):
    """What ingesting an article did."""

    article_id: int
    created: bool
    events: list[EventOut]


class ActorPage(BaseModel):
    """One page of actors and the total number matching."""

    total: int
    limit: int
    offset: int
    items: list[ActorDetail]


class Evidence(BaseModel):
    """An event that supports a graph answer, with its sentence."""

    event_id: int
    date: date | None
    trigger: str
    sentence: str
    article_id: int


class MeetingPairOut(BaseModel):
    """Two actors that met (consulted, visited, negotiated) and the evidence."""

    a: ActorOut
    b: ActorOut
    count: int
    first_date: date | None
    last_date: date | None
    evidence: list[Evidence]


class WhoMetWhom(BaseModel):
    """Who met whom, optionally around one actor."""

    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "actor": {
                    "id": 1,
                    "name": "Vladimir Putin",
                    "type": "person",
                    "country": "RUS",
                    "role": "president",
                },
                "pairs": [],
            }
        }
    )

    actor: ActorOut | None
    pairs: list[MeetingPairOut]


class Health(BaseModel):
    """Service status."""

    status: str
    database: str
    events: int
