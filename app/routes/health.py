"""Service health."""

from fastapi import APIRouter, HTTPException, status
from sqlalchemy.exc import SQLAlchemyError

from diplograph.app.deps import GraphCacheDep, SessionDep
from diplograph.app.schemas.service import ErrorOut, GraphHealth, Health
from diplograph.core.repositories import events

router = APIRouter(tags=["service"])


@router.get(
    "/health",
    response_model=Health,
    summary="Service health",
    description="Checks that the database answers and reports how many events it holds, "
    "and whether the graph is ready (at start-up it is built in the background: `loaded` of "
    "`total` events read so far); 503 when the database cannot be read (unreachable or not "
    "migrated).",
    responses={503: {"model": ErrorOut, "description": "The database cannot be read."}},
)
def health(session: SessionDep, cache: GraphCacheDep) -> Health:
    """Return the service status and the number of stored events."""
    try:
        _, count = events.version(session)
    except SQLAlchemyError as exc:
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE,
            detail=f"database unavailable: {type(exc).__name__}",
        ) from exc
    graph = GraphHealth.model_validate(cache.status(), from_attributes=True)
    return Health(status="ok", database="ok", events=count, graph=graph)
