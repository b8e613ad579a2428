"""Pure graph queries: ``(G, ...) -> result``, no I/O."""

from dataclasses import dataclass
from datetime import date
from typing import Any

import networkx as nx

CONSULT_ROOT = "04"


@dataclass(frozen=True)
class MeetingPair:
    """Two actors linked by consult-family events, with the evidence event ids."""

    a: int
    b: int
    count: int
    first_date: date | None
    last_date: date | None
    event_ids: tuple[int, ...]


def _edge_selected(
    data: dict[str, Any], since: date | None, until: date | None, modalities: frozenset[str]
) -> bool:
    if data["negated"] or data["modality"] not in modalities:
        return False
    when = data["date"]
    if since is not None and (when is None or when < since):
        return False
    return not (until is not None and (when is None or when > until))


def who_met_whom(
    G: "nx.MultiDiGraph[int]",
    *,
    actor: int | None = None,
    since: date | None = None,
    until: date | None = None,
    modalities: frozenset[str] = frozenset({"asserted"}),
) -> list[MeetingPair]:
    """Return the unordered actor pairs linked by CAMEO 04x events, most events first.

    Negated events never count; only events of the given modalities (asserted by
    default) within [since, until] do. With ``actor``, only pairs including it.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([(1, {"name": "Putin"}), (2, {"name": "Assad"})])
    >>> base = dict(negated=False, modality="asserted", date=date(2017, 12, 11))
    >>> _ = G.add_edge(1, 2, key=10, root="04", **base)
    >>> _ = G.add_edge(2, 1, key=11, root="04", **base)
    >>> _ = G.add_edge(1, 2, key=12, root="11", **base)
    >>> who_met_whom(G, actor=1)
    [MeetingPair(a=1, b=2, count=2, first_date=datetime.date(2017, 12, 11), last_date=datetime.date(2017, 12, 11), event_ids=(10, 11))]
    """  # noqa: E501
    pairs: dict[tuple[int, int], list[tuple[int, date | None]]] = {}
    edges = G.edges(actor, keys=True, data=True) if actor is not None else None
    if actor is not None:
        in_edges = G.in_edges(actor, keys=True, data=True)
        candidates = [*edges, *in_edges]  # type: ignore[misc]
    else:
        candidates = list(G.edges(keys=True, data=True))
    seen: set[int] = set()
    for u, v, key, data in candidates:
        if key in seen or u == v or data["root"] != CONSULT_ROOT:
            continue
        if not _edge_selected(data, since, until, modalities):
            continue
        seen.add(key)
        pair = (min(u, v), max(u, v))
        pairs.setdefault(pair, []).append((key, data["date"]))
    result = []
    for (a, b), evs in pairs.items():
        dates = [d for _, d in evs if d is not None]
        result.append(
            MeetingPair(
                a=a,
                b=b,
                count=len(evs),
                first_date=min(dates, default=None),
                last_date=max(dates, default=None),
                event_ids=tuple(sorted(k for k, _ in evs)),
            )
        )
    result.sort(key=lambda p: (-p.count, G.nodes[p.a]["name"], G.nodes[p.b]["name"]))
    return result
