"""Service status and the error bodies every route may answer with."""

from pydantic import BaseModel, ConfigDict, Field

from diplograph.app.schemas.actors import ACTOR_EXAMPLE, ActorOut


class Health(BaseModel):
    """The service answers and its database too."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"status": "ok", "database": "ok", "events": 42}]}
    )

    status: str
    database: str
    events: int = Field(description="Number of stored events.")


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
