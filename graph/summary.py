"""Summaries of a set of events: counts by quad class, Goldstein totals, dates, evidence ids."""

from collections.abc import Container, Iterable
from dataclasses import dataclass
from datetime import date

from diplograph.graph.records import Edge, NodeId


@dataclass(frozen=True, slots=True)
class QuadCounts:
    """How many events fall in each CAMEO quad class."""

    verbal_cooperation: int = 0
    material_cooperation: int = 0
    verbal_conflict: int = 0
    material_conflict: int = 0

    @classmethod
    def of(cls, quad_classes: Iterable[int]) -> "QuadCounts":
        """Return the counts of quad classes 1-4 in ``quad_classes`` (others are ignored).

        >>> QuadCounts.of([1, 1, 4])
        QuadCounts(verbal_cooperation=2, material_cooperation=0, verbal_conflict=0, \
material_conflict=1)
        """
        counts = [0, 0, 0, 0, 0]
        for q in quad_classes:
            if 1 <= q <= 4:
                counts[q] += 1
        return cls(*counts[1:])


@dataclass(frozen=True, slots=True)
class TieSummary:
    """The events linking one side to another.

    ``outgoing`` events go from the side the summary is taken from (its
    ``origin``), ``incoming`` ones towards it. Goldstein figures are rounded to
    three decimals.
    """

    events: int
    outgoing: int
    incoming: int
    quad_classes: QuadCounts
    goldstein_sum: float
    mean_goldstein: float
    first_date: date | None
    last_date: date | None
    event_ids: tuple[int, ...]
    mentions: int = 0
    """Sentences behind the events (each event counts once, however often it was told)."""


@dataclass(frozen=True, slots=True)
class EventRef:
    """One event as evidence: who did what to whom, when, and the sentence that says so."""

    event_id: int
    source: NodeId
    target: NodeId
    cameo: str
    quad_class: int
    goldstein: float
    modality: str
    confidence: float
    date: date | None
    sentence: str
    trigger: str
    article_id: int
    mentions: int = 1
    articles: int = 1


def summarize(edges: Iterable[Edge], *, origin: Container[NodeId]) -> TieSummary:
    """Return the summary of ``edges`` seen from the nodes in ``origin``.

    Parameters
    ----------
    edges : iterable of (u, v, key, data)
        Events of an event graph.
    origin : container of node ids
        The side the summary is taken from: events whose source is in it are
        ``outgoing``, the others ``incoming``.

    Returns
    -------
    summary : TieSummary
        Counts, Goldstein sum and mean (0.0 without events), first and last
        date and the sorted event ids.

    Examples
    --------
    >>> from datetime import date
    >>> edges = [(1, 2, 5, {"quad_class": 1, "goldstein": 3.5, "date": date(2017, 1, 2)}),
    ...          (2, 1, 9, {"quad_class": 4, "goldstein": -9.5, "date": None})]
    >>> s = summarize(edges, origin={1})
    >>> s.events, s.outgoing, s.incoming, s.goldstein_sum, s.mean_goldstein, s.event_ids
    (2, 1, 1, -6.0, -3.0, (5, 9))
    >>> s.quad_classes.material_conflict, s.first_date
    (1, datetime.date(2017, 1, 2))
    """
    ids: list[int] = []
    quads = [0, 0, 0, 0, 0]
    total = 0.0
    outgoing = 0
    first: date | None = None
    last: date | None = None
    mentions = 0
    for u, _v, key, data in edges:
        ids.append(key)
        mentions += data.get("mentions", 1)
        quad = data["quad_class"]
        if 1 <= quad <= 4:
            quads[quad] += 1
        total += data["goldstein"]
        when: date | None = data["date"]
        if when is not None:
            if first is None or when < first:
                first = when
            if last is None or when > last:
                last = when
        if u in origin:
            outgoing += 1
    ids.sort()
    count = len(ids)
    return TieSummary(
        events=count,
        outgoing=outgoing,
        incoming=count - outgoing,
        quad_classes=QuadCounts(*quads[1:]),
        goldstein_sum=round(total, 3),
        mean_goldstein=round(total / count, 3) if count else 0.0,
        first_date=first,
        last_date=last,
        event_ids=tuple(ids),
        mentions=mentions,
    )


def event_ref(edge: Edge) -> EventRef:
    """Return the evidence record of one event of an event graph."""
    u, v, key, data = edge
    return EventRef(
        event_id=key,
        source=u,
        target=v,
        cameo=data["cameo"],
        quad_class=data["quad_class"],
        goldstein=data["goldstein"],
        modality=data["modality"],
        confidence=data["confidence"],
        date=data["date"],
        sentence=data["sentence"],
        trigger=data["trigger"],
        article_id=data["article_id"],
        mentions=data.get("mentions", 1),
        articles=data.get("articles", 1),
    )


def chronological(edge: Edge) -> tuple[bool, date, int]:
    """Return the key ordering events by date (undated last), then id."""
    when: date | None = edge[3]["date"]
    return (when is None, when or date.min, edge[2])
