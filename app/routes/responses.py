"""OpenAPI descriptions of the error answers several routes share."""

from typing import Any

from app.schemas.service import AmbiguousActorOut, ErrorOut


def not_found(what: str) -> dict[int | str, dict[str, Any]]:
    """Return the ``responses`` entry of a route that answers 404 when ``what`` is unknown."""
    return {404: {"model": ErrorOut, "description": f"No such {what}."}}


ACTOR_ERRORS: dict[int | str, dict[str, Any]] = {
    **not_found("actor"),
    409: {"model": AmbiguousActorOut, "description": "The name fits several actors."},
}
