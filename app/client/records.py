"""Stored records as tables: articles, events and actors, fetched page by page."""

from typing import Any

import pandas as pd

from diplograph.app.client import tables
from diplograph.app.client.caller import ApiCaller
from diplograph.app.client.params import Day, Params, day

PAGE_SIZES = {"/events": 1000, "/actors": 500, "/articles": 500}
"""The largest page each listing route serves."""


class RecordQuestions(ApiCaller):
    """The record methods of :class:`~diplograph.Client` (errors and dtypes there)."""

    def _pages(self, path: str, params: Params, limit: int | None) -> list[dict[str, Any]]:
        """Return the items of a listing route, page by page, up to ``limit`` (default all)."""
        page = PAGE_SIZES[path]
        items: list[dict[str, Any]] = []
        while limit is None or len(items) < limit:
            size = page if limit is None else min(page, limit - len(items))
            answer = self._get(path, {**params, "limit": size, "offset": len(items)})
            items.extend(answer["items"])
            if not answer["items"] or len(items) >= answer["total"]:
                break
        return items

    def articles(self, *, limit: int | None = None) -> pd.DataFrame:
        """Return the stored articles, newest first (by publication date).

        Parameters
        ----------
        limit : int, optional
            At most this many (default: all, fetched page by page).

        Returns
        -------
        pandas.DataFrame
            ``id``, ``title``, ``url``, ``published`` (datetime64),
            ``ingested_at`` (datetime64, UTC) and ``events`` (how many).
        """
        return tables.articles_table(self._pages("/articles", {}, limit))

    def article(self, article_id: int) -> dict[str, Any]:
        """Return one article with its text, sentences and events, as the API's JSON.

        Parameters
        ----------
        article_id : int
            The id ``ingest`` and ``articles`` give.

        Returns
        -------
        dict
            ``id``, ``title``, ``url``, ``published``, ``ingested_at``,
            ``text``, ``sentences`` (``index``, ``paragraph``, ``text`` and the
            ``start`` and ``end`` offsets in the text) and ``events``.

        Raises
        ------
        DiplographError
            404 for an unknown id.
        """
        answer: dict[str, Any] = self._get(f"/articles/{article_id}")
        return answer

    def events(
        self,
        actor: str | int | None = None,
        *,
        code: str | None = None,
        since: Day | None = None,
        until: Day | None = None,
        limit: int | None = None,
        country: str | None = None,
        exact: bool = False,
    ) -> pd.DataFrame:
        """Return stored events (occurrences), ordered by date then id.

        Parameters
        ----------
        actor : str or int, optional
            Only events with this actor as source or target: an id, a
            canonical name or any alias, any case ("Putin").
        code : str, optional
            CAMEO code prefix: "04" (consult), "111" (criticize).
        since, until : date or str, optional
            First and last day (inclusive); undated events then drop out.
        limit : int, optional
            At most this many (default: all, fetched page by page).
        country : str, optional
            Only events with an actor of this state at either end: an ISO
            alpha-3 code ("IND") or a country name.
        exact : bool, default False
            False: a state named as ``actor`` stands for itself and every actor
            acting for it (government, ministries, military, diplomats, office
            holders). True: the actor alone.

        Returns
        -------
        pandas.DataFrame
            One row per event: ``id``, ``date`` (datetime64), ``source_id``,
            ``source_name``, ``source_country``, ``target_id``,
            ``target_name``, ``target_country``, ``action``, ``cameo``,
            ``quad_class``, ``goldstein``, ``modality``, ``negated``,
            ``confidence``, ``location``, ``trigger``, ``sentence``,
            ``sentence_index``, ``article_id``. Negated and non-asserted
            events are included (see ``negated`` and ``modality``).
        """
        params: dict[str, str | None] = {
            "actor": None if actor is None else str(actor),
            "code": code,
            "since": day(since),
            "until": day(until),
            "country": country,
            "exact": "true" if exact else None,
        }
        filters: Params = {k: v for k, v in params.items() if v is not None}
        return tables.events_table(self._pages("/events", filters, limit))

    def event(self, event_id: int) -> dict[str, Any]:
        """Return one event with its evidence: its sentence, actors and article, as JSON.

        Every graph answer lists event ids; this is where each one is shown.

        Parameters
        ----------
        event_id : int
            An id from any answer (``event_ids`` columns, ``events()["id"]``).

        Returns
        -------
        dict
            The columns of :meth:`events` as nested JSON (``source`` and
            ``target`` actors) plus ``article``: ``id``, ``title``, ``url``,
            ``published``.

        Raises
        ------
        DiplographError
            404 for an unknown id.
        """
        answer: dict[str, Any] = self._get(f"/events/{event_id}")
        return answer

    def actors(self, q: str | None = None, *, limit: int | None = None) -> pd.DataFrame:
        """Return the actors whose name or an alias starts with ``q``, sorted by name.

        Parameters
        ----------
        q : str, optional
            Name or alias prefix, any case ("pu" finds Vladimir Putin); all
            actors without it.
        limit : int, optional
            At most this many (default: all, fetched page by page).

        Returns
        -------
        pandas.DataFrame
            ``id``, ``name``, ``type``, ``country``, ``role``, ``aliases``
            (list), ``events_as_source``, ``events_as_target``.
        """
        params: Params = {} if q is None else {"q": q}
        return tables.actors_table(self._pages("/actors", params, limit))

    def actor(self, actor_id: int) -> dict[str, Any]:
        """Return one actor with its aliases and event counts, as the API's JSON.

        Parameters
        ----------
        actor_id : int
            The actor's id (names and aliases: use :meth:`actors`).

        Returns
        -------
        dict
            ``id``, ``name``, ``type``, ``country``, ``role``, ``aliases``,
            ``events_as_source``, ``events_as_target``.

        Raises
        ------
        DiplographError
            404 for an unknown id.
        """
        answer: dict[str, Any] = self._get(f"/actors/{actor_id}")
        return answer
