"""The Diplograph client: the HTTP API as Python methods returning DataFrames and graphs."""

import os
from collections.abc import Sequence
from datetime import date
from types import TracebackType
from typing import Any, Self

import httpx
import pandas as pd

from diplograph.app.client import tables
from diplograph.app.client.errors import DiplographConnectionError, error_from_response
from diplograph.app.client.graph_actor import ActorQuestions
from diplograph.app.client.graph_network import NetworkQuestions
from diplograph.app.client.graph_pairs import PairQuestions
from diplograph.app.client.params import Day, Params, PathLike, day
from diplograph.app.client.records import RecordQuestions
from diplograph.app.client.transport import InProcessTransport, RetryingTransport
from diplograph.ingest.sources import SourceError, read_paths
from diplograph.ingest.types import ArticleInput

DEFAULT_URL = "http://127.0.0.1:8000"
LOCAL_URL = "http://diplograph.local"


class Client(RecordQuestions, ActorQuestions, PairQuestions, NetworkQuestions):
    """A Diplograph server (or a local database) answering in DataFrames and graphs.

    Parameters
    ----------
    base_url : str, default "http://127.0.0.1:8000"
        Where the API is served (``diplograph serve`` / ``make run``).
    api_key : str, optional
        Sent as ``Authorization: Bearer <api_key>``: a server started with
        ``DIPLOGRAPH_API_KEYS`` asks for one of those keys to ingest (401
        without), and one with ``DIPLOGRAPH_READ_KEYS`` asks for a key to read.
    timeout : float, default 30.0
        Seconds to wait for a connection and for each answer.
    retries : int, default 3
        How many times a request is retried when the connection fails
        (waiting ``backoff``, then twice as long each time). Answers with an
        error status (4xx, 5xx) are never retried: they raise
        :class:`~diplograph.app.client.DiplographError` at once.
    backoff : float, default 0.5
        Seconds before the first retry.
    transport : httpx.BaseTransport, optional
        What carries the requests (default: the network); used by
        :meth:`local` and by tests.

    Notes
    -----
    Tables are ``pandas.DataFrame`` with fixed columns and dtypes (dates are
    ``datetime64[ns]``, missing ones ``NaT``), graphs are
    ``networkx.MultiDiGraph``. Every method raises
    :class:`~diplograph.app.client.DiplographError` with the server's message when the
    server refuses the request (unknown actor 404, ambiguous name 409 with its
    candidates, invalid parameter 422) and
    :class:`~diplograph.app.client.DiplographConnectionError` when it cannot be reached.

    Examples
    --------
    >>> client = Client("http://127.0.0.1:8000")  # doctest: +SKIP
    >>> client.who_met_whom("Putin")[["b_name", "events", "first_date"]]  # doctest: +SKIP
    """

    def __init__(
        self,
        base_url: str = DEFAULT_URL,
        api_key: str | None = None,
        *,
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 0.5,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.database_url: str | None = None
        headers = {"Accept": "application/json"}
        if api_key:
            headers["Authorization"] = f"Bearer {api_key}"
        inner = transport if transport is not None else httpx.HTTPTransport()
        self._http = httpx.Client(
            base_url=self.base_url,
            headers=headers,
            timeout=timeout,
            transport=RetryingTransport(inner, retries=retries, backoff=backoff),
        )

    @classmethod
    def local(cls, database_url: str = "sqlite:///diplograph.db", *, migrate: bool = True) -> Self:
        """Return a client that answers from a local database, without a server.

        The API application is built in this process on ``database_url``
        (``create_app(Settings(database_url=...))``) and every request is
        handed to it through ``fastapi.testclient.TestClient`` (httpx's own
        ``ASGITransport`` works only asynchronously). So the local client runs
        the very routes, queries (``graph/``, ``core/``), graph cache and error
        answers a server does: same methods, same tables, same errors. Ingest
        loads the spaCy model in this process on first use.

        Parameters
        ----------
        database_url : str, default "sqlite:///diplograph.db"
            SQLAlchemy URL of the database.
        migrate : bool, default True
            Bring the database to the latest schema first (as ``diplograph db
            upgrade`` does; creates an SQLite file that does not exist yet).

        Returns
        -------
        Client
            A client; ``close()`` it (or use ``with``) to release the database.

        Examples
        --------
        >>> with Client.local("sqlite:///diplograph.db") as client:  # doctest: +SKIP
        ...     client.centrality(top=3)
        """
        from diplograph.app.main import create_app
        from diplograph.core.migrate import upgrade
        from diplograph.core.settings import Settings

        if migrate:
            upgrade(database_url)
        app = create_app(Settings(database_url=database_url))
        client = cls(LOCAL_URL, retries=0, transport=InProcessTransport(app))
        client.database_url = database_url
        return client

    def __repr__(self) -> str:
        if self.database_url is not None:
            return f"Client.local({self.database_url!r})"
        return f"Client({self.base_url!r})"

    def close(self) -> None:
        """Close the connections (in local mode: the app and its database engine)."""
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- plumbing ---------------------------------------------------------------------------

    def _request(
        self, method: str, path: str, *, params: Params | None = None, json: Any = None
    ) -> httpx.Response:
        """Return the answer to one request; raise ``DiplographError`` for an error status."""
        try:
            response = self._http.request(method, path, params=params, json=json)
        except httpx.TransportError as exc:
            raise DiplographConnectionError(
                f"no answer from {self.base_url}: {type(exc).__name__}: {exc}"
            ) from exc
        if response.status_code >= 400:
            raise error_from_response(response)
        return response

    # -- service and ingest ---------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        """Return the server's status and its number of stored events.

        Returns
        -------
        dict
            ``{"status": "ok", "database": "ok", "events": <int>}``.
        """
        answer: dict[str, Any] = self._get("/health")
        return answer

    def ingest(
        self,
        text: str | None = None,
        *,
        path: PathLike | Sequence[PathLike] | None = None,
        published: Day | None = None,
        title: str | None = None,
        url: str | None = None,
    ) -> pd.DataFrame:
        """Extract the events of articles and store them: one text, or files and folders.

        Give either ``text`` (one article) or ``path``: ``.txt`` files (one
        article each, metadata from a ``<name>.meta.json`` beside them),
        ``.jsonl`` files (one article per line: ``text``, ``published``,
        ``title``, ``url``), HTML pages, RSS/Atom feeds, ``.urls`` lists,
        http(s) URLs of pages or feeds, or folders of them, read as
        ``diplograph ingest`` reads them (web sources need the server extras).
        Everything is read before anything is sent; an unreadable
        article raises ``ValueError`` naming all of them and nothing is stored.
        Each article is then posted on its own (``POST /articles``); a text
        already stored is left as it is (``created`` False).

        Parameters
        ----------
        text : str, optional
            The text of one article, one paragraph per line.
        path : path, URL or a sequence of them, optional
            Files, folders or URLs to read instead of ``text``.
        published : date or str, optional
            Publication date: required with ``text``; for ``.txt`` files it
            overrides their ``.meta.json`` (every article needs one, since
            relative dates such as "Monday" are resolved against it).
        title, url : str, optional
            Title and source URL of ``text`` (or of ``.txt`` files).

        Returns
        -------
        pandas.DataFrame
            One row per article, in reading order: ``source`` (file name
            without suffix, the ``.jsonl`` id, or "text"), ``article_id``,
            ``created``, ``events`` (how many) and ``event_ids``.

        Examples
        --------
        >>> client.ingest(path="seeds/")  # doctest: +SKIP
        """
        if (text is None) == (path is None):
            raise ValueError("give either text or path")
        when = day(published)
        if text is not None:
            if when is None:
                raise ValueError("published is required with text")
            articles = [ArticleInput("text", text, date.fromisoformat(when), title, url)]
        else:
            assert path is not None
            articles = _read_articles(path, published=when, title=title, url=url)
        rows = []
        for article in articles:
            assert article.published is not None
            body = {
                "text": article.text,
                "published": article.published.isoformat(),
                "title": article.title,
                "url": article.url,
            }
            answer = self._request("POST", "/articles", json=body).json()
            rows.append(tables.ingest_row(article.id, answer))
        return tables.frame(rows, tables.INGEST_COLUMNS)


def _read_articles(
    path: PathLike | Sequence[PathLike],
    *,
    published: str | None,
    title: str | None,
    url: str | None,
) -> list[ArticleInput]:
    paths = [path] if isinstance(path, str | os.PathLike) else list(path)
    when = date.fromisoformat(published) if published else None
    items = list(read_paths([os.fspath(p) for p in paths], published=when, title=title, url=url))
    problems = [str(i) for i in items if isinstance(i, SourceError)]
    articles = [i for i in items if isinstance(i, ArticleInput)]
    problems += [
        f"{a.id}: no publication date (pass published= or add a .meta.json)"
        for a in articles
        if a.published is None
    ]
    if problems:
        raise ValueError("cannot ingest: " + "; ".join(problems))
    return articles
