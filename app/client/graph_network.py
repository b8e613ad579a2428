"""Graph questions about the whole network: centrality, communities, and the graph itself."""

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import networkx as nx
import pandas as pd

from diplograph.app.client import tables
from diplograph.app.client.caller import ApiCaller
from diplograph.app.client.params import (
    Day,
    Level,
    PathLike,
    graph_params,
    page_params,
    with_filter_docs,
)

if TYPE_CHECKING:
    from diplograph.graph.records import EventGraph

ExportFormat = Literal["graphml", "gexf", "json", "csv"]


class NetworkQuestions(ApiCaller):
    """The whole-graph methods of :class:`~diplograph.Client` (errors and dtypes there)."""

    @with_filter_docs
    def centrality(
        self,
        measure: Literal["degree", "betweenness", "pagerank", "eigenvector"] = "degree",
        *,
        top: int = 10,
        since: Day | None = None,
        until: Day | None = None,
        codes: str | Sequence[str] | None = None,
        quad_class: int | Sequence[int] | None = None,
        min_confidence: float = 0.0,
        modality: str | Sequence[str] = "asserted",
        level: Level = "actor",
    ) -> pd.DataFrame:
        """Return the most central actors by ``measure``, highest first.

        Parameters
        ----------
        measure : {"degree", "betweenness", "pagerank", "eigenvector"}, default "degree"
            Computed on the graph whose edges join actors with events between
            them, weighted by their number of events (eigenvector falls back
            to degree when it does not converge; ``df.attrs["note"]`` says so).
        top : int, default 10
            How many actors (1 to 1000).
        {filters}

        Returns
        -------
        pandas.DataFrame
            ``rank`` (from 1), ``id``, ``name``, ``type``, ``country``,
            ``score``, ``partners`` (distinct counterparts), ``events`` and
            ``event_ids`` (its lowest 20). ``df.attrs`` holds ``measure``,
            ``computed``, ``note`` and ``nodes`` (nodes in the filtered graph).
        """
        params = graph_params(
            since=since,
            until=until,
            codes=codes,
            quad_class=quad_class,
            min_confidence=min_confidence,
            modality=modality,
            level=level,
        )
        params.update(measure=measure, top=top)
        answer = self._get("/graph/centrality", params)
        df = tables.centrality_table(answer)
        df.attrs.update({k: answer[k] for k in ("level", "measure", "computed", "note", "nodes")})
        return df

    @with_filter_docs
    def communities(
        self,
        method: Literal["louvain", "greedy_modularity"] = "louvain",
        *,
        since: Day | None = None,
        until: Day | None = None,
        codes: str | Sequence[str] | None = None,
        quad_class: int | Sequence[int] | None = None,
        min_confidence: float = 0.0,
        modality: str | Sequence[str] = "asserted",
        level: Level = "actor",
        limit: int | None = None,
        offset: int = 0,
    ) -> pd.DataFrame:
        """Return groups of actors with more events among themselves than with the others.

        Parameters
        ----------
        method : {"louvain", "greedy_modularity"}, default "louvain"
            Community detection on the event-weighted graph (Louvain seeded:
            the same data gives the same groups).
        {filters}
        limit : int, optional
            Most rows (the server's default is 100, at most 10,000).
        offset : int, default 0
            Rows skipped first, in the order described (next page: ``offset + limit``).

        Returns
        -------
        pandas.DataFrame
            One row per community, largest first: ``community`` (0, 1...),
            ``size``, ``member_ids``, ``members`` (names), ``internal_events``
            (both ends inside), ``external_events`` (one end inside),
            ``event_ids`` (its lowest 20 internal events). ``df.attrs`` holds
            ``method``, ``modularity`` and ``total`` (how many communities).
        """
        params = graph_params(
            since=since,
            until=until,
            codes=codes,
            quad_class=quad_class,
            min_confidence=min_confidence,
            modality=modality,
            level=level,
        )
        params["method"] = method
        params.update(page_params(limit, offset))
        answer = self._get("/graph/communities", params)
        df = tables.communities_table(answer)
        df.attrs.update({k: answer[k] for k in ("level", "method", "modularity", "total")})
        return df

    @with_filter_docs
    def export(
        self,
        format: ExportFormat = "graphml",
        path: PathLike | None = None,
        *,
        since: Day | None = None,
        until: Day | None = None,
        codes: str | Sequence[str] | None = None,
        quad_class: int | Sequence[int] | None = None,
        min_confidence: float = 0.0,
        modality: str | Sequence[str] = "asserted",
        level: Level = "actor",
    ) -> Path | bytes:
        """Return the (filtered) graph as a file other tools read, or write it to ``path``.

        Parameters
        ----------
        format : {"graphml", "gexf", "json", "csv"}, default "graphml"
            GraphML (edge ids = event ids); GEXF with each event's date as a
            time interval, so Gephi's timeline plays it; JSON node-link data;
            CSV with one event per row in GDELT-like columns.
        path : str or path, optional
            Write the file there and return its path; without it, return the
            bytes.
        {filters}

        Returns
        -------
        pathlib.Path or bytes
        """
        params = graph_params(
            since=since,
            until=until,
            codes=codes,
            quad_class=quad_class,
            min_confidence=min_confidence,
            modality=modality,
            level=level,
        )
        params["format"] = format
        body = self._request("GET", "/graph/export", params=params).content
        if path is None:
            return body
        target = Path(path)
        target.write_bytes(body)
        return target

    @with_filter_docs
    def graph(
        self,
        *,
        since: Day | None = None,
        until: Day | None = None,
        codes: str | Sequence[str] | None = None,
        quad_class: int | Sequence[int] | None = None,
        min_confidence: float = 0.0,
        modality: str | Sequence[str] = "asserted",
        level: Level = "actor",
    ) -> "EventGraph":
        """Return the (filtered) event graph as a ``networkx.MultiDiGraph``.

        Nodes are actors (ids; ISO alpha-3 codes at level "country") with
        ``name``, ``type``, ``country``, ``role`` and ``aliases`` (tuple).
        Each event is one edge from its source to its target, keyed by the
        event id, with ``event_id``, ``cameo``, ``root``, ``quad_class``,
        ``goldstein``, ``date`` (``datetime.date`` or None), ``modality``,
        ``confidence``, ``negated``, ``article_id``, ``sentence_id``, ``sentence_index``,
        ``sentence`` and ``trigger`` (and ``source_actor``, ``target_actor``
        at level "country"): the graph the server's queries run on.

        Parameters
        ----------
        {filters}

        Returns
        -------
        networkx.MultiDiGraph
        """
        params = graph_params(
            since=since,
            until=until,
            codes=codes,
            quad_class=quad_class,
            min_confidence=min_confidence,
            modality=modality,
            level=level,
        )
        params["format"] = "json"
        return node_link_graph(self._get("/graph/export", params))


def node_link_graph(data: Mapping[str, Any]) -> "EventGraph":
    """Return the graph of node-link JSON (``GET /graph/export?format=json``) with Python values.

    Edge ``date`` strings become ``datetime.date`` and node ``aliases`` lists
    tuples, as in the graph the server builds.

    Examples
    --------
    >>> G = node_link_graph({"directed": True, "multigraph": True, "graph": {},
    ...     "nodes": [{"id": 1, "aliases": ["putin"]}, {"id": 2, "aliases": []}],
    ...     "edges": [{"source": 1, "target": 2, "key": 7, "date": "2017-12-11"}]})
    >>> G.nodes[1], list(G.edges(keys=True, data=True))
    ({'aliases': ('putin',)}, [(1, 2, 7, {'date': datetime.date(2017, 12, 11)})])
    """
    G = nx.node_link_graph(dict(data), directed=True, multigraph=True, edges="edges")
    if not isinstance(G, nx.MultiDiGraph):  # pragma: no cover - node_link_graph honours the flags
        raise TypeError("node-link data did not give a MultiDiGraph")
    for _, attrs in G.nodes(data=True):
        if isinstance(attrs.get("aliases"), list):
            attrs["aliases"] = tuple(attrs["aliases"])
    for _, _, attrs in G.edges(data=True):
        if isinstance(attrs.get("date"), str):
            attrs["date"] = date.fromisoformat(attrs["date"])
    return G
