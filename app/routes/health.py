"""Service health."""

from fastapi import APIRouter

from app.deps import SessionDep
from app.schemas import Health
from core.repositories import events

router = APIRouter(tags=["service"])


@router.get(
    "/health",
    response_model=Health,
    summary="Service health",
    description="Checks that the database answers and reports how many events it holds.",
)
def health(session: SessionDep) -> Health:
    """Return the service status and the number of stored events."""
    _, count = events.version(session)
    return Health(status="ok", database="ok", events=count)
