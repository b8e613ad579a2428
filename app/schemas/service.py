"""Service status and the error bodies every route may answer with."""

from pydantic import BaseModel, ConfigDict, Field

from diplograph.app.schemas.actors import ACTOR_EXAMPLE, ActorOut


class GraphHealth(BaseModel):
    """The state of the live graph: ready to answer, and how far a build is."""

    ready: bool = Field(description="A graph was built: graph routes answer without waiting.")
    building: bool = Field(
        description="A full build is running (start-up, or after a change "
        "that cannot be applied incrementally)."
    )
    loaded: int = Field(description="Events read by the running (or last) build.")
    total: int = Field(description="Events the running (or last) build reads.")
    events: int = Field(description="Events in the graph being served.")
    through: int = Field(description="Highest event id in the graph being served.")
    generation: int = Field(description="Store generation the served graph was built at.")
    stale_s: float = Field(
        description="Seconds since the store changed in a way the served graph does not "
        "reflect yet (0: current)."
    )


class Health(BaseModel):
    """The service answers and its database too; the graph's readiness and build progress."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "status": "ok",
                    "database": "ok",
                    "events": 42,
                    "graph": {
                        "ready": True,
                        "building": False,
                        "loaded": 42,
                        "total": 42,
                        "events": 42,
                        "through": 42,
                        "generation": 0,
                        "stale_s": 0.0,
                    },
                }
            ]
        }
    )

    status: str
    database: str
    events: int = Field(description="Number of stored events.")
    graph: GraphHealth | None = Field(default=None, description="The live graph.")


class ErrorOut(BaseModel):
    """An error: what went wrong, in one sentence."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"detail": "no event with id 99"}]})

    detail: str


class AmbiguousActorOut(ErrorOut):
    """An actor name that denotes several actors, and the candidates to choose from by id."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "detail": "actor 'Kim' is ambiguous: use one of the candidates' ids",
                    "candidates": [
                        {**ACTOR_EXAMPLE, "id": 12, "name": "Kim Jong Un", "country": "PRK"},
                        {
                            **ACTOR_EXAMPLE,
                            "id": 31,
                            "name": "Kim Yo Jong",
                            "country": "PRK",
                            "role": None,
                        },
                    ],
                }
            ]
        }
    )

    candidates: list[ActorOut]
