"""Scripted extraction: one text in, its typed events out, no database touched."""

from datetime import date

from diplograph.ingest.pipeline import extract_one
from diplograph.ingest.sources import parse_date
from diplograph.ingest.types import ArticleInput, ExtractedEvent


def extract(
    text: str,
    *,
    published: date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    id: str = "text",
) -> list[ExtractedEvent]:
    """Return the events the extractor finds in ``text``, in sentence order.

    Parameters
    ----------
    text : str
        The article, paragraphs separated by newlines.
    published : date or str, optional
        Publication date (a ``date`` or ``YYYY-MM-DD``): relative dates
        ("on Monday") and dated roles are resolved against it.
    title, url : str, optional
        Kept on the article; they do not change what is extracted.
    id : str, default "text"
        The article's id in error messages.

    Returns
    -------
    list of ExtractedEvent
        Frozen dataclasses with ``source`` and ``target`` (:class:`ActorRef`),
        ``cameo``, ``goldstein``, ``quad_class``, ``modality``, ``date``,
        ``sentence`` and ``trigger``; the same events ``diplograph extract``
        prints.

    Raises
    ------
    ValueError
        When ``published`` is not an ISO date.
    """
    day = published if isinstance(published, date) else parse_date(published, what="published")
    article = ArticleInput(id=id, text=text, published=day, title=title, url=url)
    return list(extract_one(article).events)
