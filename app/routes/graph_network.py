"""Graph questions about the whole network: centrality, communities, and the graph as a file."""

from typing import Annotated

from fastapi import APIRouter, Query, Response
from fastapi.responses import StreamingResponse

from diplograph.app.graph_params import (
    DEFAULT_LIMIT,
    EdgeFilterDep,
    LevelQuery,
    LimitQuery,
    OffsetQuery,
    SnapshotDep,
    degree_counts,
)
from diplograph.app.routes.graph import FILTERS, PAGED
from diplograph.app.routes.responses import json_answer
from diplograph.app.schemas.graph_network import PartitionOut, RankingOut
from diplograph.graph.cache import GraphSnapshot
from diplograph.graph.centrality import Measure, Ranking, centrality
from diplograph.graph.communities import Method, communities
from diplograph.graph.country import Level
from diplograph.graph.degree import degree_ranking
from diplograph.graph.export import (
    MEDIA_TYPES,
    ExportFormat,
    export_chunks,
    iter_gexf,
    iter_graphml,
)
from diplograph.graph.filters import EdgeFilter, filtered_graph

router = APIRouter(prefix="/graph", tags=["graph"])

EvidenceQuery = Annotated[
    int, Query(ge=0, le=1000, description="Most event ids listed per item (the lowest ones).")
]
CACHED = (
    " Computed once per parameters and kept up to date as events arrive: `degree` exactly "
    "(counts updated with every new event); the other measures and the communities are "
    "recomputed in the background (at most every 10 s), the previous answer served meanwhile."
)


def degree_answer(
    graph: GraphSnapshot, where: EdgeFilter, level: Level, *, top: int, evidence: int
) -> Ranking:
    """Return the degree ranking from per-node counts kept up to date as events arrive."""
    G = graph.level(level)

    def rank(*_: object) -> Ranking:
        return degree_ranking(G, degree_counts(graph, where, level), top=top, evidence=evidence)

    return graph.memo(("centrality", level, where, "degree", top, evidence), rank, rank, level)


@router.get(
    "/centrality",
    response_model=RankingOut,
    summary="Most central actors",
    description="The `top` actors by `measure`, computed on the simple graph whose edges "
    "join actors with events between them, weighted by their number of events: `degree` "
    "(share of the other actors it has events with), `betweenness` (share of shortest paths "
    "through it; sampled from 500 sources, seed 0, above 500 actors), `pagerank` (directed, "
    "an event passes rank from source to target) or `eigenvector` (falls back to degree, "
    "saying so in `note`, if it does not converge). Each with its number of partners and "
    "events and its event ids." + FILTERS + CACHED,
)
def get_centrality(
    graph: SnapshotDep,
    where: EdgeFilterDep,
    measure: Annotated[Measure, Query(description="The centrality measure.")] = "degree",
    top: Annotated[int, Query(ge=1, le=1000, description="How many actors.")] = 10,
    evidence: EvidenceQuery = 20,
    level: LevelQuery = "actor",
) -> Response:
    """Return the ranking."""
    if measure == "degree":
        ranking = degree_answer(graph, where, level, top=top, evidence=evidence)
    else:
        ranking = graph.memo(
            ("centrality", level, where, measure, top, evidence),
            lambda: centrality(
                filtered_graph(graph.level(level), where), measure, top=top, evidence=evidence
            ),
        )
    return json_answer(
        RankingOut.model_validate(
            {
                "level": level,
                "measure": ranking.measure,
                "computed": ranking.computed,
                "note": ranking.note,
                "nodes": ranking.nodes,
                "ranked": ranking.ranked,
            }
        )
    )


@router.get(
    "/communities",
    response_model=PartitionOut,
    summary="Communities of actors",
    description="Groups of actors with more events among themselves than with the others, "
    "found by `louvain` (seed 0, reproducible) or `greedy_modularity` on the event-weighted "
    "simple graph; largest first, each with its members, its internal events (both ends "
    "inside) and external events (one end inside), and its internal event ids; with the "
    "partition's modularity." + FILTERS + CACHED + PAGED,
)
def get_communities(
    graph: SnapshotDep,
    where: EdgeFilterDep,
    method: Annotated[Method, Query(description="Community detection method.")] = "louvain",
    evidence: EvidenceQuery = 20,
    level: LevelQuery = "actor",
    limit: LimitQuery = DEFAULT_LIMIT,
    offset: OffsetQuery = 0,
) -> Response:
    """Return one page of the communities."""
    partition = graph.memo(
        ("communities", level, where, method, evidence),
        lambda: communities(
            filtered_graph(graph.level(level), where), method, seed=0, evidence=evidence
        ),
    )
    return json_answer(
        PartitionOut.model_validate(
            {
                "level": level,
                "method": partition.method,
                "modularity": partition.modularity,
                "communities": partition.communities[offset : offset + limit],
                "total": len(partition.communities),
                "limit": limit,
                "offset": offset,
            }
        )
    )


@router.get(
    "/export",
    summary="The graph as a file",
    description="The filtered graph for other tools: `graphml` (GraphML, edge ids = event "
    "ids), `gexf` (dynamic GEXF: each event carries its date as a time interval, each actor "
    "starts at its first event, so Gephi's timeline plays it), `json` (networkx node-link "
    "data, edges under `edges`) or `csv` (one event per row, GDELT-like columns: "
    "GLOBALEVENTID, SQLDATE, Actor1Code, Actor1Name, ..., EventCode, QuadClass, "
    "GoldsteinScale, Sentence). Dates are ISO strings; in GraphML and GEXF missing values "
    "are empty strings. The file is streamed: GraphML and GEXF as they are written (nodes in "
    "the graph's order, then the events), CSV and JSON a few thousand events at a time." + FILTERS,
    response_class=Response,
    responses={
        200: {
            "description": "The graph in the asked format.",
            "content": {
                "application/graphml+xml": {"example": "<graphml>...</graphml>"},
                "application/gexf+xml": {"example": "<gexf>...</gexf>"},
                "application/json": {"example": {"directed": True, "nodes": [], "edges": []}},
                "text/csv": {"example": "GLOBALEVENTID,SQLDATE,Actor1Code,...\n"},
            },
        }
    },
)
def get_export(
    graph: SnapshotDep,
    where: EdgeFilterDep,
    fmt: Annotated[ExportFormat, Query(alias="format", description="File format.")] = "graphml",
    level: LevelQuery = "actor",
) -> Response:
    """Return the filtered graph in the asked format, as an attachment."""
    if fmt == "graphml":  # written as it is read: no copy of the graph, no whole document
        chunks = iter_graphml(graph.level(level), where, through=graph.through)
    elif fmt == "gexf":
        chunks = iter_gexf(graph.level(level), where, through=graph.through)
    else:
        chunks = export_chunks(filtered_graph(graph.level(level), where), fmt)
    return StreamingResponse(
        chunks,
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="diplograph-{level}.{fmt}"'},
    )
