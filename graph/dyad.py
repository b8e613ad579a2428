"""Two actors over time: their events per day, week, month or year, with the sentences."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from diplograph.graph.edges import fetch_sentences
from diplograph.graph.filters import DEFAULT_FILTER, EdgeFilter, edges_between
from diplograph.graph.records import Edge, EventGraph, NodeId
from diplograph.graph.summary import (
    EventRef,
    QuadCounts,
    TieSummary,
    chronological,
    event_ref,
    summarize,
)

Interval = Literal["day", "week", "month", "year"]
INTERVALS: tuple[Interval, ...] = ("day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class Bucket:
    """The events of one interval (``start`` to ``end``, inclusive)."""

    start: date
    end: date
    events: int
    quad_classes: QuadCounts
    goldstein_sum: float
    mean_goldstein: float
    event_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Dyad:
    """The events between two nodes: overall, per interval, and one by one.

    ``summary`` is taken from ``a`` (``outgoing`` events go from ``a`` to
    ``b``). ``buckets`` hold the dated events, intervals without events left
    out; ``undated`` counts the others, which are still in ``events``.
    """

    interval: Interval
    summary: TieSummary
    buckets: tuple[Bucket, ...]
    undated: int
    events: tuple[EventRef, ...]


def interval_start(day: date, interval: Interval) -> date:
    """Return the first day of the interval holding ``day`` (weeks start on Monday).

    >>> [interval_start(date(2017, 12, 14), i).isoformat() for i in INTERVALS]
    ['2017-12-14', '2017-12-11', '2017-12-01', '2017-01-01']
    """
    if interval == "day":
        return day
    if interval == "week":
        return day - timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    return date(day.year, 1, 1)


def interval_end(start: date, interval: Interval) -> date:
    """Return the last day of the interval that begins on ``start``.

    >>> [interval_end(date(2017, 12, 1), "month"), interval_end(date(2017, 12, 11), "week")]
    [datetime.date(2017, 12, 31), datetime.date(2017, 12, 17)]
    >>> interval_end(date(9999, 12, 27), "week")  # the last week ends with the calendar
    datetime.date(9999, 12, 31)
    """
    if interval == "day":
        return start
    if interval == "week":
        return start + timedelta(days=6) if start <= date.max - timedelta(days=6) else date.max
    if interval == "month":
        if (start.year, start.month) == (date.max.year, 12):
            return date.max
        following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return following - timedelta(days=1)
    return date(start.year, 12, 31)


def dyad_timeline(
    G: EventGraph,
    a: NodeId,
    b: NodeId,
    *,
    interval: Interval = "month",
    where: EdgeFilter = DEFAULT_FILTER,
) -> Dyad:
    """Return the timeline of the events between ``a`` and ``b``, in both directions.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        An event graph.
    a, b : node id
        The two nodes (actors, or countries in the country view).
    interval : {"day", "week", "month", "year"}
        The width of the buckets; weeks start on Monday.
    where : EdgeFilter, optional
        Which events count.

    Returns
    -------
    dyad : Dyad
        The summary, one bucket per interval with events (oldest first) and
        the events by date (undated last), then id.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> ev = dict(negated=False, modality="asserted", confidence=0.9, trigger="met",
    ...           sentence="They met.", article_id=1)
    >>> G.add_edge(1, 2, key=3, cameo="040", quad_class=1, goldstein=1.0,
    ...            date=date(2017, 12, 11), **ev)
    3
    >>> G.add_edge(2, 1, key=5, cameo="042", quad_class=1, goldstein=1.9,
    ...            date=date(2017, 12, 30), **ev)
    5
    >>> G.add_edge(2, 1, key=8, cameo="111", quad_class=3, goldstein=-2.0,
    ...            date=date(2018, 2, 1), **ev)
    8
    >>> d = dyad_timeline(G, 1, 2)
    >>> [(k.start.isoformat(), k.events, k.mean_goldstein, k.event_ids) for k in d.buckets]
    [('2017-12-01', 2, 1.45, (3, 5)), ('2018-02-01', 1, -2.0, (8,))]
    >>> d.summary.outgoing, d.summary.incoming, [e.event_id for e in d.events]
    (1, 2, [3, 5, 8])
    """
    edges = sorted(edges_between(G, a, b, where), key=chronological)
    dated: defaultdict[date, list[Edge]] = defaultdict(list)
    for edge in edges:
        when: date | None = edge[3]["date"]
        if when is not None:
            dated[interval_start(when, interval)].append(edge)
    buckets = []
    for start, group in sorted(dated.items()):
        s = summarize(group, origin={a})
        buckets.append(
            Bucket(
                start=start,
                end=interval_end(start, interval),
                events=s.events,
                quad_classes=s.quad_classes,
                goldstein_sum=s.goldstein_sum,
                mean_goldstein=s.mean_goldstein,
                event_ids=s.event_ids,
            )
        )
    fetch_sentences(e[3] for e in edges)  # the evidence of every event, in one read
    return Dyad(
        interval=interval,
        summary=summarize(edges, origin={a}),
        buckets=tuple(buckets),
        undated=sum(1 for e in edges if e[3]["date"] is None),
        events=tuple(event_ref(e) for e in edges),
    )
