"""Plain factory functions for hand-built extraction results."""

from datetime import date

from ingest.types import ActorRef, ArticleInput, ExtractedArticle, ExtractedEvent, SentenceSpan

PUTIN = ActorRef("Vladimir Putin", "person", "RUS", "president", ("Putin", "Vladimir Putin"))
ASSAD = ActorRef("Bashar al-Assad", "person", "SYR", "president", ("Assad", "Bashar al-Assad"))
EGYPT = ActorRef("Egypt", "country", "EGY", None, ("Egypt", "Cairo"))


def make_event(
    source: ActorRef,
    target: ActorRef,
    *,
    cameo: str = "040",
    sentence_index: int = 0,
    sentence: str = "Putin met Assad.",
    when: date | None = date(2017, 12, 11),
    negated: bool = False,
    modality: str = "asserted",
) -> ExtractedEvent:
    """Return an event with plausible defaults."""
    return ExtractedEvent(
        source=source,
        target=target,
        action="meet",
        cameo=cameo,
        goldstein=1.0,
        quad_class=1,
        negated=negated,
        modality=modality,
        date=when,
        location=None,
        sentence_index=sentence_index,
        sentence=sentence,
        trigger="met",
        confidence=0.9,
    )


def make_article(
    text: str, events: list[ExtractedEvent], *, published: date | None = date(2017, 12, 11)
) -> ExtractedArticle:
    """Return an extracted article whose lines are its sentences."""
    sentences, start = [], 0
    for i, line in enumerate(text.split("\n")):
        sentences.append(SentenceSpan(i, i, line, start, start + len(line)))
        start += len(line) + 1
    return ExtractedArticle(
        article=ArticleInput(id="t", text=text, published=published, title="T"),
        sentences=tuple(sentences),
        events=tuple(events),
    )
