"""Graph questions about two actors: their timeline, the paths between them, new pairs."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from diplograph.app.client import tables
from diplograph.app.client.caller import ApiCaller
from diplograph.app.client.params import (
    Day,
    Level,
    graph_params,
    page_params,
    with_filter_docs,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class Dyad:
    """The timeline between two actors (or countries), as :meth:`Client.dyad` returns it.

    Attributes
    ----------
    a, b : dict
        The two nodes (id, name, type, country, role).
    level : {"actor", "country"}
    interval : {"day", "week", "month", "year"}
    summary : dict
        All their events, taken from ``a`` (``outgoing`` = from a to b):
        counts, ``quad_classes``, ``goldstein_sum``, ``mean_goldstein``,
        first and last date (ISO strings) and ``event_ids``.
    undated : int
        Events without a date (in ``events``, in no interval).
    timeline : pandas.DataFrame
        One row per interval with events, oldest first: ``start``, ``end``
        (datetime64), ``events``, the four quad-class counts,
        ``goldstein_sum``, ``mean_goldstein``, ``event_ids``.
    events : pandas.DataFrame
        Every event between them with its sentence, by date: ``event_id``,
        ``date``, ``source``, ``target``, ``cameo``, ``quad_class``,
        ``goldstein``, ``modality``, ``confidence``, ``trigger``, ``sentence``,
        ``article_id``.
    """

    a: dict[str, Any]
    b: dict[str, Any]
    level: Level
    interval: str
    summary: dict[str, Any]
    undated: int
    timeline: pd.DataFrame
    events: pd.DataFrame


class PairQuestions(ApiCaller):
    """The pair methods of :class:`~diplograph.Client` (errors and dtypes there)."""

    @with_filter_docs
    def dyad(
        self,
        a: str | int,
        b: str | int,
        *,
        interval: Literal["day", "week", "month", "year"] = "month",
        since: Day | None = None,
        until: Day | None = None,
        codes: str | Sequence[str] | None = None,
        quad_class: int | Sequence[int] | None = None,
        min_confidence: float = 0.0,
        modality: str | Sequence[str] = "asserted",
        level: Level = "actor",
        limit: int | None = None,
        offset: int = 0,
        exact: bool = False,
    ) -> Dyad:
        """Return the timeline between two actors (or countries): per interval, and every event.

        Parameters
        ----------
        a, b : str or int
            The two actors (ids, names or aliases); with ``level="country"``
            also ISO alpha-3 codes ("RUS", "EGY").
        interval : {"day", "week", "month", "year"}, default "month"
            Width of the timeline's intervals (weeks start on Monday).
        {filters}
        limit : int, optional
            Most rows of ``.events`` (the server's default is 100, at most 10,000).
        offset : int, default 0
            Rows skipped first, in the order described (next page: ``offset + limit``).
        exact : bool, default False
            False: a state (a country actor) stands for itself and every actor
            acting for it (government, ministries, military, diplomats, office
            holders). True: the node alone.

        Returns
        -------
        Dyad
            ``.timeline`` (DataFrame, one row per interval with events: counts
            by quad class, summed and mean Goldstein), ``.events`` (DataFrame,
            every event with its sentence), ``.summary`` (dict), ``.a``, ``.b``.

        Examples
        --------
        >>> client.dyad("RUS", "EGY", level="country").timeline  # doctest: +SKIP
        """
        params = graph_params(
            since=since,
            until=until,
            codes=codes,
            quad_class=quad_class,
            min_confidence=min_confidence,
            modality=modality,
            level=level,
        )
        if exact:
            params["exact"] = "true"
        params.update(a=str(a), b=str(b), interval=interval)
        params.update(page_params(limit, offset))
        answer = self._get("/graph/dyad", params)
        return Dyad(
            a=answer["a"],
            b=answer["b"],
            level=answer["level"],
            interval=answer["interval"],
            summary=answer["summary"],
            undated=answer["undated"],
            timeline=tables.timeline_table(answer["buckets"]),
            events=tables.event_refs_table(answer["events"], answer["level"]),
        )

    @with_filter_docs
    def path(
        self,
        source: str | int,
        target: str | int,
        *,
        max_len: int = 4,
        limit: int = 10,
        since: Day | None = None,
        until: Day | None = None,
        codes: str | Sequence[str] | None = None,
        quad_class: int | Sequence[int] | None = None,
        min_confidence: float = 0.0,
        modality: str | Sequence[str] = "asserted",
        level: Level = "actor",
        exact: bool = False,
    ) -> pd.DataFrame:
        """Return the shortest chains of events linking ``source`` to ``target``, hop by hop.

        Events of any type link their two actors whichever way they point.

        Parameters
        ----------
        source, target : str or int
            Where the paths start and end (ids, names or aliases).
        max_len : int, default 4
            Most hops (1 to 6); no paths when ``target`` is further.
        limit : int, default 10
            Most paths (equally short ones, ordered by the names along them).
        {filters}
        exact : bool, default False
            False: a state (a country actor) stands for itself and every actor
            acting for it (government, ministries, military, diplomats, office
            holders). True: the node alone.

        Returns
        -------
        pandas.DataFrame
            One row per hop: ``path`` (0, 1...), ``hop`` (0, 1...),
            ``source_id``, ``source_name``, ``source_type``,
            ``source_country``, the same for ``target``, ``direction``
            ("forward" when the evidence event goes from source to target),
            the evidence event's ``event_id``, ``date``, ``cameo``,
            ``quad_class``, ``goldstein`` and ``sentence``, and ``event_ids``
            (every event linking the two). Empty when there is no path.
        """
        params = graph_params(
            since=since,
            until=until,
            codes=codes,
            quad_class=quad_class,
            min_confidence=min_confidence,
            modality=modality,
            level=level,
        )
        if exact:
            params["exact"] = "true"
        params.update({"from": str(source), "to": str(target), "max_len": max_len, "limit": limit})
        answer = self._get("/graph/path", params)
        df = tables.path_table(answer)
        df.attrs.update(source=answer["source"], target=answer["target"], level=answer["level"])
        return df

    @with_filter_docs
    def new_dyads(
        self,
        since: Day,
        *,
        until: Day | None = None,
        codes: str | Sequence[str] | None = None,
        quad_class: int | Sequence[int] | None = None,
        min_confidence: float = 0.0,
        modality: str | Sequence[str] = "asserted",
        level: Level = "actor",
        limit: int | None = None,
        offset: int = 0,
    ) -> pd.DataFrame:
        """Return the pairs whose first interaction falls on or after ``since`` (early warning).

        A pair's history is its dated events within the other filters: with
        ``quad_class=[3, 4]``, pairs in conflict for the first time.

        Parameters
        ----------
        since : date or str
            The pairs whose first dated event is on or after this day.
        {filters}
        limit : int, optional
            Most rows (the server's default is 100, at most 10,000).
        offset : int, default 0
            Rows skipped first, in the order described (next page: ``offset + limit``).

        Returns
        -------
        pandas.DataFrame
            One row per pair, by first date then names: the ``a_`` and ``b_``
            node columns, ``first_date``, ``first_event_id``, ``first_cameo``,
            ``first_sentence``, and the summary columns of :meth:`ego` over
            their events since (taken from ``a``). ``df.attrs["total"]`` is how
            many pairs there are in all.
        """
        params = graph_params(
            since=since,
            until=until,
            codes=codes,
            quad_class=quad_class,
            min_confidence=min_confidence,
            modality=modality,
            level=level,
        )
        params.update(page_params(limit, offset))
        answer = self._get("/graph/new-dyads", params)
        df = tables.new_dyads_table(answer)
        df.attrs["total"] = answer["total"]
        return df

    @with_filter_docs
    def plot_dyad(
        self,
        a: str | int,
        b: str | int,
        *,
        interval: Literal["day", "week", "month", "year"] = "month",
        ax: "Axes | None" = None,
        since: Day | None = None,
        until: Day | None = None,
        codes: str | Sequence[str] | None = None,
        quad_class: int | Sequence[int] | None = None,
        min_confidence: float = 0.0,
        modality: str | Sequence[str] = "asserted",
        level: Level = "actor",
    ) -> "Figure":
        """Draw the timeline between two actors: cooperation and conflict bars, Goldstein line.

        See :func:`app.plots.draw_dyad` for the drawing.

        Parameters
        ----------
        a, b : str or int
            The two actors (ids, names or aliases; ISO codes at level "country").
        interval : {"day", "week", "month", "year"}, default "month"
        ax : matplotlib.axes.Axes, optional
            Draw there (default: a new figure).
        {filters}

        Returns
        -------
        matplotlib.figure.Figure
        """
        from diplograph.app.plots import draw_dyad

        dyad = self.dyad(
            a,
            b,
            interval=interval,
            since=since,
            until=until,
            codes=codes,
            quad_class=quad_class,
            min_confidence=min_confidence,
            modality=modality,
            level=level,
        )
        return draw_dyad(dyad, ax=ax)
