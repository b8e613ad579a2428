"""Articles: the body that ingests one, and the ways they are shown."""

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic.config import JsonDict
from pydantic_core import PydanticCustomError

from diplograph.app.schemas.days import Day
from diplograph.app.schemas.events import ARTICLE_REF_EXAMPLE, EVENT_EXAMPLE, EventOut

MAX_TEXT_CHARS = 1_000_000
"""Hard ceiling of the schema; the configured limit (``max_article_chars``) answers 413."""


SENTENCE_EXAMPLE: JsonDict = {
    "index": 0,
    "paragraph": 0,
    "text": "Russian President Vladimir Putin met Syrian President Bashar al-Assad in Damascus.",
    "start": 0,
    "end": 82,
}
SUMMARY_EXAMPLE: JsonDict = {
    **ARTICLE_REF_EXAMPLE,
    "ingested_at": "2024-05-02T09:30:00Z",
    "events": 14,
}


class ArticleIn(BaseModel):
    """An article to ingest."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "text": "Russian President Vladimir Putin met Syrian President "
                    "Bashar al-Assad in Damascus on Monday.",
                    "published": "2017-12-11",
                    "title": "Putin meets Assad",
                    "url": "https://example.org/putin-assad",
                }
            ]
        }
    )

    text: str = Field(
        max_length=MAX_TEXT_CHARS, description="The article text, one paragraph per line."
    )
    published: Day = Field(
        description="Publication date (YYYY-MM-DD); relative dates are resolved against it."
    )
    title: str | None = Field(default=None, max_length=500)
    url: str | None = Field(default=None, max_length=2000)

    @field_validator("text")
    @classmethod
    def text_not_blank(cls, value: str) -> str:
        """Return the text unchanged; reject an empty or whitespace-only one."""
        if not value.strip():
            raise PydanticCustomError("blank_text", "the article text is empty or only whitespace")
        return value


class IngestResult(BaseModel):
    """What ingesting an article did: its id, whether it is new, and its events."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"article_id": 1, "created": True, "events": [EVENT_EXAMPLE]}]
        }
    )

    article_id: int
    created: bool = Field(description="False when the same text was already stored.")
    events: list[EventOut]


class ArticleSummary(BaseModel):
    """An article without its text, with its number of events."""

    model_config = ConfigDict(json_schema_extra={"examples": [SUMMARY_EXAMPLE]})

    id: int
    title: str | None
    url: str | None
    published: date | None
    ingested_at: datetime
    events: int


class ArticlePage(BaseModel):
    """One page of articles, newest first, and the total number."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"total": 1, "limit": 50, "offset": 0, "items": [SUMMARY_EXAMPLE]}]
        }
    )

    total: int
    limit: int
    offset: int
    items: list[ArticleSummary]


class SentenceOut(BaseModel):
    """A sentence of an article with its character offsets in the article text."""

    model_config = ConfigDict(json_schema_extra={"examples": [SENTENCE_EXAMPLE]})

    index: int
    paragraph: int
    text: str
    start: int
    end: int


class ArticleDetail(BaseModel):
    """An article with its text, sentences and events."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **ARTICLE_REF_EXAMPLE,
                    "ingested_at": "2024-05-02T09:30:00Z",
                    "text": SENTENCE_EXAMPLE["text"],
                    "sentences": [SENTENCE_EXAMPLE],
                    "events": [EVENT_EXAMPLE],
                }
            ]
        }
    )

    id: int
    title: str | None
    url: str | None
    published: date | None
    ingested_at: datetime
    text: str
    sentences: list[SentenceOut]
    events: list[EventOut]


class ArticleDeleted(BaseModel):
    """What deleting an article removed."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"article_id": 3, "deleted": True, "events_removed": 14}]}
    )

    article_id: int
    deleted: bool = Field(description="Always true: an unknown id answers 404.")
    events_removed: int = Field(description="Events removed with the article and its sentences.")


class ReextractResultOut(BaseModel):
    """What re-extracting a stored article did: the events it has now and how many it lost."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "article_id": 1,
                    "extractor_version": "rules-0.1+3f2a9c01de",
                    "events_removed": 14,
                    "events": [EVENT_EXAMPLE],
                }
            ]
        }
    )

    article_id: int
    extractor_version: str = Field(description="The extractor that made the events now stored.")
    events_removed: int = Field(description="Events the previous extraction had made.")
    events: list[EventOut]
