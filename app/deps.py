"""Request dependencies: settings, a session that owns the transaction, the graph cache."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session, sessionmaker

from core.settings import Settings
from graph.cache import GraphCache


def get_settings_dep(request: Request) -> Settings:
    """Return the settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


def get_session(request: Request) -> Iterator[Session]:
    """Yield a session; commit when the request succeeds, roll back on any error."""
    factory: sessionmaker[Session] = request.app.state.session_factory
    with factory() as session, session.begin():
        yield session


def get_graph_cache(request: Request) -> GraphCache:
    """Return the app's graph cache."""
    cache: GraphCache = request.app.state.graph_cache
    return cache


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
SessionDep = Annotated[Session, Depends(get_session)]
GraphCacheDep = Annotated[GraphCache, Depends(get_graph_cache)]
