"""Errors the API answers with as JSON, and the handlers that render them."""

from collections.abc import Sequence

from fastapi import FastAPI, Request, status
from fastapi.responses import JSONResponse

from diplograph.app.schemas.actors import ActorOut
from diplograph.app.schemas.service import AmbiguousActorOut


class AmbiguousActorError(Exception):
    """An actor reference (name or alias) that denotes several stored actors.

    It carries the candidates as plain schemas: the handler runs after the
    request's session has rolled back and closed.
    """

    def __init__(self, ref: str, candidates: Sequence[ActorOut]) -> None:
        super().__init__(f"actor {ref!r} is ambiguous")
        self.ref = ref
        self.candidates = list(candidates)


def ambiguous_actor_response(request: Request, exc: Exception) -> JSONResponse:
    """Return the 409 answer listing the actors an ambiguous reference could mean."""
    assert isinstance(exc, AmbiguousActorError)
    body = AmbiguousActorOut(
        detail=f"actor {exc.ref!r} is ambiguous: use one of the candidates' ids",
        candidates=exc.candidates,
    )
    return JSONResponse(status_code=status.HTTP_409_CONFLICT, content=body.model_dump(mode="json"))


def unexpected_error_response(request: Request, exc: Exception) -> JSONResponse:
    """Return the 500 answer of an unexpected error (its traceback goes to the server log)."""
    return JSONResponse(
        status_code=status.HTTP_500_INTERNAL_SERVER_ERROR,
        content={"detail": "internal server error"},
    )


def install_error_handlers(app: FastAPI) -> None:
    """Make ``app`` answer ambiguous actors with 409 and unexpected errors with JSON 500."""
    app.add_exception_handler(AmbiguousActorError, ambiguous_actor_response)
    app.add_exception_handler(Exception, unexpected_error_response)
