"""Answers about pairs of nodes: a dyad's timeline, the paths between two, new dyads."""

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

from diplograph.app.schemas.actors import ACTOR_EXAMPLE, OTHER_ACTOR_EXAMPLE
from diplograph.app.schemas.graph import (
    EVENT_REF_EXAMPLE,
    QUAD_EXAMPLE,
    SUMMARY_EXAMPLE,
    EventRefOut,
    LevelOut,
    NodeOut,
    QuadCountsOut,
    TieSummaryOut,
)

BUCKET_EXAMPLE: JsonDict = {
    "start": "2017-12-01",
    "end": "2017-12-31",
    "events": 3,
    "quad_classes": QUAD_EXAMPLE,
    "goldstein_sum": 0.8,
    "mean_goldstein": 0.267,
    "event_ids": [7, 12, 31],
}
HOP_EXAMPLE: JsonDict = {
    "source": ACTOR_EXAMPLE,
    "target": OTHER_ACTOR_EXAMPLE,
    "direction": "forward",
    "evidence": EVENT_REF_EXAMPLE,
    "event_ids": [7],
}
NEW_DYAD_EXAMPLE: JsonDict = {
    "a": OTHER_ACTOR_EXAMPLE,
    "b": ACTOR_EXAMPLE,
    "first_date": "2017-12-11",
    "first_event": EVENT_REF_EXAMPLE,
    "summary": SUMMARY_EXAMPLE,
}


class BucketOut(BaseModel):
    """The events of one interval, ``start`` to ``end`` inclusive."""

    model_config = ConfigDict(
        from_attributes=True, json_schema_extra={"examples": [BUCKET_EXAMPLE]}
    )

    start: date
    end: date
    events: int
    quad_classes: QuadCountsOut
    goldstein_sum: float
    mean_goldstein: float
    event_ids: list[int]


class DyadOut(BaseModel):
    """The timeline between ``a`` and ``b``: overall, per interval, and every event."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "level": "actor",
                    "a": ACTOR_EXAMPLE,
                    "b": OTHER_ACTOR_EXAMPLE,
                    "interval": "month",
                    "summary": SUMMARY_EXAMPLE,
                    "buckets": [BUCKET_EXAMPLE],
                    "undated": 0,
                    "events": [EVENT_REF_EXAMPLE],
                    "total": 1,
                    "limit": 100,
                    "offset": 0,
                }
            ]
        },
    )

    level: LevelOut
    a: NodeOut
    b: NodeOut
    interval: Literal["day", "week", "month", "year"]
    summary: TieSummaryOut = Field(description="Taken from `a`: outgoing = from a to b.")
    buckets: list[BucketOut] = Field(description="Intervals with events, oldest first.")
    undated: int = Field(description="Events without a date (in `events`, in no bucket).")
    events: list[EventRefOut] = Field(description="By date (undated last), then id.")
    total: int = Field(description="How many events there are in all (before limit and offset).")
    limit: int = Field(description="Most events this answer lists.")
    offset: int = Field(description="Events skipped before the first one listed.")
    hint: str | None = Field(
        default=None,
        description="When there are no events: what would find some (`level=country`, "
        "`exact=false`) and how many.",
    )


class HopOut(BaseModel):
    """One step of a path; ``direction`` says which way its evidence event went."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [HOP_EXAMPLE]})

    source: NodeOut
    target: NodeOut
    direction: Literal["forward", "backward"] = Field(
        description="forward: the evidence event goes from `source` to `target`."
    )
    evidence: EventRefOut = Field(description="The most confident linking event.")
    event_ids: list[int] = Field(description="Every event linking the two, either way.")


class PathOut(BaseModel):
    """A chain of nodes and the hops between them."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [{"nodes": [ACTOR_EXAMPLE, OTHER_ACTOR_EXAMPLE], "hops": [HOP_EXAMPLE]}]
        },
    )

    nodes: list[NodeOut]
    hops: list[HopOut]


class PathsOut(BaseModel):
    """The shortest paths between two nodes (none when further than ``max_len`` hops)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "level": "actor",
                    "source": ACTOR_EXAMPLE,
                    "target": OTHER_ACTOR_EXAMPLE,
                    "max_len": 4,
                    "paths": [
                        {"nodes": [ACTOR_EXAMPLE, OTHER_ACTOR_EXAMPLE], "hops": [HOP_EXAMPLE]}
                    ],
                }
            ]
        }
    )

    level: LevelOut
    source: NodeOut
    target: NodeOut
    max_len: int
    paths: list[PathOut]


class NewDyadOut(BaseModel):
    """A pair that first interacted on ``first_date``, with its events since."""

    model_config = ConfigDict(
        from_attributes=True, json_schema_extra={"examples": [NEW_DYAD_EXAMPLE]}
    )

    a: NodeOut
    b: NodeOut
    first_date: date
    first_event: EventRefOut
    summary: TieSummaryOut = Field(description="The pair's events since `since`, from `a`.")


class NewDyadsOut(BaseModel):
    """Pairs whose first interaction falls on or after ``since``, oldest first."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "level": "actor",
                    "since": "2017-12-01",
                    "dyads": [NEW_DYAD_EXAMPLE],
                    "total": 1,
                    "limit": 100,
                    "offset": 0,
                }
            ]
        }
    )

    level: LevelOut
    since: date
    dyads: list[NewDyadOut]
    total: int = Field(description="How many items there are in all (before limit and offset).")
    limit: int = Field(description="Most items this answer lists.")
    offset: int = Field(description="Items skipped before the first one listed.")
