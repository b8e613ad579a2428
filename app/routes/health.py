"""Service health."""

from fastapi import APIRouter, HTTPException, status
from sqlalchemy.exc import SQLAlchemyError

from diplograph.app.deps import SessionDep
from diplograph.app.schemas.service import ErrorOut, Health
from diplograph.core.repositories import events

router = APIRouter(tags=["service"])


@router.get(
    "/health",
    response_model=Health,
    summary="Service health",
    description="Checks that the database answers and reports how many events it holds; "
    "503 when the database cannot be read (unreachable or not migrated).",
    responses={503: {"model": ErrorOut, "description": "The database cannot be read."}},
)
def health(session: SessionDep) -> Health:
    """Return the service status and the number of stored events."""
    try:
        _, count = events.version(session)
    except SQLAlchemyError as exc:
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE,
            detail=f"database unavailable: {type(exc).__name__}",
        ) from exc
    return Health(status="ok", database="ok", events=count)
