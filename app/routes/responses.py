"""Responses several routes share: the error answers' OpenAPI descriptions, and JSON answers
serialized once."""

from typing import Any

from fastapi import Response
from pydantic import BaseModel

from diplograph.app.schemas.service import AmbiguousActorOut, ErrorOut


def not_found(what: str) -> dict[int | str, dict[str, Any]]:
    """Return the ``responses`` entry of a route that answers 404 when ``what`` is unknown."""
    return {404: {"model": ErrorOut, "description": f"No such {what}."}}


ACTOR_ERRORS: dict[int | str, dict[str, Any]] = {
    **not_found("actor"),
    409: {"model": AmbiguousActorOut, "description": "The name fits several actors."},
}


def json_answer(model: BaseModel) -> Response:
    """Return ``model`` as a JSON response, serialized by pydantic in one pass.

    A route returning a model has FastAPI dump it to a dict, validate that dict
    against the response model again and encode it; the graph routes build
    their (often large) answers as validated models already, so they use this
    and keep ``response_model`` for the OpenAPI schema.
    """
    return Response(content=model.model_dump_json(), media_type="application/json")
