"""Responses several routes share: the error answers' OpenAPI descriptions, and JSON answers
serialized once."""

from typing import Any

from fastapi import Response
from pydantic import BaseModel

from diplograph.app.schemas.service import AmbiguousActorOut, ErrorOut

MAX_ID = 2**63 - 1
"""Largest id or offset a route accepts (SQLite's largest integer); 422 beyond."""


def not_found(what: str) -> dict[int | str, dict[str, Any]]:
    """Return the ``responses`` entry of a route that answers 404 when ``what`` is unknown."""
    return {404: {"model": ErrorOut, "description": f"No such {what}."}}


ACTOR_ERRORS: dict[int | str, dict[str, Any]] = {
    **not_found("actor"),
    409: {"model": AmbiguousActorOut, "description": "The name fits several actors."},
}


ACCESS_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "An API key is needed (DIPLOGRAPH_API_KEYS)."},
    429: {"model": ErrorOut, "description": "Too many writes; see Retry-After."},
}
"""What every write route may answer (``app.access.WriteAccess``)."""

WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "The body cannot be read (not UTF-8 JSON)."},
    **ACCESS_ERRORS,
    413: {"model": ErrorOut, "description": "The body or the article is too large."},
    503: {"model": ErrorOut, "description": "The extraction queue is full; see Retry-After."},
}
"""What a write route that takes an article may answer."""


def json_body(body: bytes) -> Response:
    """Return ``body`` (JSON made earlier, e.g. a memoized answer) as a JSON response."""
    return Response(content=body, media_type="application/json")


def json_answer(model: BaseModel) -> Response:
    """Return ``model`` as a JSON response, serialized by pydantic in one pass.

    A route returning a model has FastAPI dump it to a dict, validate that dict
    against the response model again and encode it; the graph routes build
    their (often large) answers as validated models already, so they use this
    and keep ``response_model`` for the OpenAPI schema.
    """
    return Response(content=model.model_dump_json(), media_type="application/json")
