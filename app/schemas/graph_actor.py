"""Answers about one actor's place in the graph: its neighbourhood and its balance."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

from diplograph.app.schemas.actors import ACTOR_EXAMPLE, OTHER_ACTOR_EXAMPLE
from diplograph.app.schemas.graph import SUMMARY_EXAMPLE, LevelOut, NodeOut, TieSummaryOut

ERDOGAN_EXAMPLE: JsonDict = {
    "id": 9,
    "name": "Recep Tayyip Erdogan",
    "type": "person",
    "country": "TUR",
    "role": "president",
}
NEIGHBOUR_EXAMPLE: JsonDict = {
    "node": OTHER_ACTOR_EXAMPLE,
    "distance": 1,
    "via": [],
    "summary": SUMMARY_EXAMPLE,
}
COUNTERPART_EXAMPLE: JsonDict = {
    "node": OTHER_ACTOR_EXAMPLE,
    "stance": "partner",
    "summary": SUMMARY_EXAMPLE,
}


class NeighbourOut(BaseModel):
    """A node near the actor and the events that tie it in.

    At distance 1 the summary covers its events with the actor (``outgoing``
    = from the actor); at distance 2, its events with the ``via`` neighbours.
    """

    model_config = ConfigDict(
        from_attributes=True, json_schema_extra={"examples": [NEIGHBOUR_EXAMPLE]}
    )

    node: NodeOut
    distance: int
    via: list[NodeOut]
    summary: TieSummaryOut


class EgoOut(BaseModel):
    """An actor's neighbourhood, nearest and busiest first."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "level": "actor",
                    "actor": ACTOR_EXAMPLE,
                    "radius": 1,
                    "neighbours": [NEIGHBOUR_EXAMPLE],
                    "total": 1,
                    "limit": 100,
                    "offset": 0,
                }
            ]
        }
    )

    level: LevelOut
    actor: NodeOut
    radius: int
    neighbours: list[NeighbourOut]
    total: int = Field(description="How many items there are in all (before limit and offset).")
    limit: int = Field(description="Most items this answer lists.")
    offset: int = Field(description="Items skipped before the first one listed.")


class CounterpartOut(BaseModel):
    """One counterpart of the actor: partner (Goldstein sum > 0), adversary (< 0) or neutral."""

    model_config = ConfigDict(
        from_attributes=True, json_schema_extra={"examples": [COUNTERPART_EXAMPLE]}
    )

    node: NodeOut
    stance: Literal["partner", "adversary", "neutral"]
    summary: TieSummaryOut


class BalanceOut(BaseModel):
    """Cooperation against conflict for one actor, per counterpart and overall."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "level": "actor",
                    "actor": ACTOR_EXAMPLE,
                    "total": SUMMARY_EXAMPLE,
                    "counterparts": [COUNTERPART_EXAMPLE],
                    "partners": [OTHER_ACTOR_EXAMPLE],
                    "adversaries": [ERDOGAN_EXAMPLE],
                    "counterparts_total": 2,
                    "partners_total": 1,
                    "adversaries_total": 1,
                    "limit": 100,
                    "offset": 0,
                }
            ]
        },
    )

    level: LevelOut
    actor: NodeOut
    total: TieSummaryOut = Field(description="All the actor's counted events.")
    counterparts: list[CounterpartOut] = Field(description="Highest Goldstein sum first.")
    partners: list[NodeOut] = Field(description="Most cooperative first.")
    adversaries: list[NodeOut] = Field(description="Most hostile first.")
    counterparts_total: int = Field(description="Counterparts in all (the list is one page).")
    partners_total: int = Field(description="Partners in all (the list is one page).")
    adversaries_total: int = Field(description="Adversaries in all (the list is one page).")
    limit: int = Field(description="Most items each list holds.")
    offset: int = Field(description="Items of each list skipped first.")
