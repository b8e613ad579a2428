"""Plain frozen dataclasses passed between the ingest stages."""

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class ArticleInput:
    """One article to extract from: its text and what is known about it."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class SentenceSpan:
    """A sentence of an article with its character offsets in the article text."""

    index: int
    paragraph: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class ActorRef:
    """An actor as the extractor resolved it within one article."""

    name: str
    type: str
    country: str | None = None
    role: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExtractedEvent:
    """One who-did-what-to-whom event with its evidence and coding."""

    source: ActorRef
    target: ActorRef
    action: str
    cameo: str
    goldstein: float
    quad_class: int
    negated: bool
    modality: str
    date: date | None
    location: str | None
    sentence_index: int
    sentence: str
    trigger: str
    confidence: float


@dataclass(frozen=True)
class ExtractedArticle:
    """An article with its sentences and the events found in them."""

    article: ArticleInput
    sentences: tuple[SentenceSpan, ...]
    events: tuple[ExtractedEvent, ...] = field(default=())


@dataclass(frozen=True)
class Mention:
    """What a token denotes, as far as its own noun phrase tells."""

    # person|country|organization|group|people|state|role|plural_role|pronoun|it|place|name|
    # body_ref|sides|they|we|act ("the launch": an earlier act, resolved to whoever did it)
    kind: str
    text: str
    token_index: int
    type: str
    name: str | None = None
    country: str | None = None
    role: str | None = None
    rank: int = 0
    number: int = 1
    place: str | None = None


@dataclass(frozen=True)
class RunSummary:
    """Counts of one ingest run."""

    run_id: int
    articles_added: int
    articles_unchanged: int
    events_added: int
