"""Answers about the whole graph: centrality rankings and communities."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

from diplograph.app.schemas.actors import ACTOR_EXAMPLE, OTHER_ACTOR_EXAMPLE
from diplograph.app.schemas.graph import LevelOut, NodeOut

MeasureOut = Literal["degree", "betweenness", "pagerank", "eigenvector"]
RANKED_EXAMPLE: JsonDict = {
    "node": ACTOR_EXAMPLE,
    "score": 0.8,
    "partners": 4,
    "events": 9,
    "event_ids": [1, 2, 3, 7],
}
COMMUNITY_EXAMPLE: JsonDict = {
    "members": [OTHER_ACTOR_EXAMPLE, ACTOR_EXAMPLE],
    "internal_events": 2,
    "external_events": 5,
    "event_ids": [7, 12],
}


class RankedOut(BaseModel):
    """A node with its score, how many others it has events with, and its events."""

    model_config = ConfigDict(
        from_attributes=True, json_schema_extra={"examples": [RANKED_EXAMPLE]}
    )

    node: NodeOut
    score: float
    partners: int = Field(description="Distinct nodes it has events with.")
    events: int = Field(description="Its events with other nodes.")
    event_ids: list[int] = Field(description="Its lowest event ids, up to `evidence`.")


class RankingOut(BaseModel):
    """Nodes ranked by a centrality measure, highest first."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "level": "actor",
                    "measure": "degree",
                    "computed": "degree",
                    "note": None,
                    "nodes": 12,
                    "ranked": [RANKED_EXAMPLE],
                }
            ]
        },
    )

    level: LevelOut
    measure: MeasureOut
    computed: MeasureOut = Field(
        description="The measure the scores come from (degree when eigenvector did not converge)."
    )
    note: str | None = Field(description="How the scores were computed, when it matters.")
    nodes: int = Field(description="Nodes in the filtered graph.")
    ranked: list[RankedOut]


class CommunityOut(BaseModel):
    """A group of nodes, the events inside it and the events crossing its border."""

    model_config = ConfigDict(
        from_attributes=True, json_schema_extra={"examples": [COMMUNITY_EXAMPLE]}
    )

    members: list[NodeOut]
    internal_events: int
    external_events: int
    event_ids: list[int] = Field(description="Its lowest internal event ids, up to `evidence`.")


class PartitionOut(BaseModel):
    """The communities a method found, largest first, and the partition's modularity."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "level": "actor",
                    "method": "louvain",
                    "modularity": 0.3,
                    "communities": [COMMUNITY_EXAMPLE],
                    "total": 1,
                    "limit": 100,
                    "offset": 0,
                }
            ]
        },
    )

    level: LevelOut
    method: Literal["louvain", "greedy_modularity"]
    modularity: float
    communities: list[CommunityOut]
    total: int = Field(
        description="How many communities there are in all (before limit and offset)."
    )
    limit: int = Field(description="Most communities this answer lists.")
    offset: int = Field(description="Communities skipped before the first one listed.")
