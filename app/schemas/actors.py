"""Actors as the API shows them."""

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

ACTOR_EXAMPLE: JsonDict = {
    "id": 1,
    "name": "Vladimir Putin",
    "type": "person",
    "country": "RUS",
    "role": "president",
}
OTHER_ACTOR_EXAMPLE: JsonDict = {
    "id": 5,
    "name": "Bashar al Assad",
    "type": "person",
    "country": "SYR",
    "role": "president",
}
ACTOR_DETAIL_EXAMPLE: JsonDict = {
    **ACTOR_EXAMPLE,
    "aliases": ["putin", "vladimir putin"],
    "events_as_source": 9,
    "events_as_target": 2,
}


class ActorOut(BaseModel):
    """An actor: a person, state, government, organization or group."""

    model_config = ConfigDict(json_schema_extra={"examples": [ACTOR_EXAMPLE]})

    id: int
    name: str = Field(description="Canonical name.")
    type: str = Field(
        description="person, country, government, military, organization, igo, ngo or group."
    )
    country: str | None = Field(description="ISO 3166-1 alpha-3 code, when known.")
    role: str | None = Field(description="Title of a person (president, foreign minister...).")


class ClaimOut(BaseModel):
    """What an article said about an actor against the store, kept for review."""

    kind: str = Field(
        description="`country` (another state) or `alias` (a name another actor owns)."
    )
    value: str
    article_id: int | None
    status: str = Field(description="`review` until someone decides.")


class ActorDetail(ActorOut):
    """An actor with its aliases and how many events it takes part in."""

    model_config = ConfigDict(json_schema_extra={"examples": [ACTOR_DETAIL_EXAMPLE]})

    aliases: list[str] = Field(description="Normalized names the actor is found by, sorted.")
    events_as_source: int
    events_as_target: int
    claims: list[ClaimOut] = Field(
        default_factory=list, description="Conflicting claims kept for review (GET /actors/{id})."
    )


class ActorPage(BaseModel):
    """One page of actors and the total number matching."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"total": 1, "limit": 50, "offset": 0, "items": [ACTOR_DETAIL_EXAMPLE]}]
        }
    )

    total: int
    limit: int
    offset: int
    items: list[ActorDetail]
