"""Schemathesis against the whole API: every operation, data that fits the schema and data
that does not, on a database holding the seed (so real actor names resolve).

Zero server errors, zero answers outside the documented statuses and schemas. Bounded:
``MAX_EXAMPLES`` cases per operation and generation mode, derandomized.
"""

import hashlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from diplograph.app.main import create_app
from diplograph.core.db import make_engine, make_session_factory
from diplograph.core.migrate import upgrade
from diplograph.core.settings import Settings
from diplograph.ingest.service import ingest_many
from diplograph.ingest.sources import read_paths

REPO = Path(__file__).resolve().parent.parent
MAX_EXAMPLES = 25
ACTOR_PARAMETERS = ("actor", "a", "b")
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    negative_data_rejection,
]
CALLS: Counter[str] = Counter()
"""Answers by status class, over the whole run (printed at the end of the module)."""


@pytest.fixture(scope="module")
def seeded_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    """Return the app on a migrated database holding the seed articles."""
    url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.db'}"
    upgrade(url)
    engine = make_engine(url, write=True)
    articles = [a for a in read_paths([REPO / "seeds"]) if not isinstance(a, Exception)]
    ingest_many(make_session_factory(engine), articles)  # type: ignore[arg-type]
    engine.dispose()
    yield create_app(Settings(database_url=url, write_rate=1e6, write_burst=1_000_000))
    print("\nschemathesis answers:", dict(sorted(CALLS.items())))


@pytest.fixture(scope="module")
def seed_names(seeded_app: FastAPI) -> list[str]:
    """Return the canonical names and aliases of the seed's actors."""
    factory = seeded_app.state.session_factory
    from diplograph.core.repositories import actors

    with factory() as session:
        nodes = actors.graph_nodes(session)
    return sorted({name for node in nodes for name in (node[1], *node[5])})


def api_schema(app: FastAPI) -> Any:
    """Return the API's schema, served by ``app`` in process."""
    config = SchemathesisConfig.from_dict(
        {
            "generation": {"deterministic": True},
            # A body over DIPLOGRAPH_MAX_BODY_BYTES is refused with 413 before it is read.
            "checks": {
                "negative_data_rejection": {
                    "expected-statuses": [400, 401, 404, 405, 406, 409, 413, 415, 422, 429]
                }
            },
        }
    )
    return schemathesis.openapi.from_asgi("/openapi.json", app, config=config)


def real_name(value: object, names: list[str]) -> str | None:
    """Return a seed name for about half of the generated values (chosen by their hash)."""
    digest = hashlib.sha256(repr(value).encode("utf-8", "replace")).digest()
    return names[digest[1] % len(names)] if digest[0] % 2 == 0 else None


def with_real_names(case: Any, names: list[str]) -> None:
    """Put seed names in about half of the actor parameters of a case that fits the schema."""
    for container in (case.query, case.path_parameters):
        for key in ACTOR_PARAMETERS:
            if isinstance(container, dict) and isinstance(container.get(key), str):
                name = real_name(container[key], names)
                if name is not None:
                    container[key] = name


def fuzz(operation: Any, mode: GenerationMode, names: list[str]) -> list[str]:
    """Run ``MAX_EXAMPLES`` cases of ``operation`` in ``mode``; return the failures found."""
    failures: list[str] = []

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=MAX_EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case: Any) -> None:
        if mode == GenerationMode.POSITIVE:
            with_real_names(case, names)
        try:
            response = case.call_and_validate(checks=CHECKS)
        except (Exception, BaseExceptionGroup) as exc:  # a failed check: noted; the run goes on
            failures.append(f"{operation.label} {mode.value}: {str(exc)[:600]}")
            CALLS["failed"] += 1
            return
        CALLS[f"{mode.value} {response.status_code // 100}xx"] += 1

    try:
        run()
    except Unsatisfiable:  # nothing in the operation can be made invalid (GET /health)
        CALLS[f"{mode.value} impossible"] += 1
    return failures


@pytest.mark.slow
def test_no_server_error_and_no_schema_violation(
    seeded_app: FastAPI, seed_names: list[str]
) -> None:
    operations = [result.ok() for result in api_schema(seeded_app).get_all_operations()]
    failures = [
        failure
        for operation in operations
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
        for failure in fuzz(operation, mode, seed_names)
    ]
    assert failures == [], "\n\n".join(failures)
    paths = seeded_app.openapi()["paths"]
    assert len(operations) == sum(len(methods) for methods in paths.values())
