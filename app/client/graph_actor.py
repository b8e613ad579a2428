"""Graph questions about one actor: who met whom, its neighbourhood, its balance."""

from collections.abc import Sequence
from typing import TYPE_CHECKING
from urllib.parse import quote

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


class ActorQuestions(ApiCaller):
    """The actor-centred methods of :class:`~diplograph.Client` (errors and dtypes there)."""

    @with_filter_docs
    def who_met_whom(
        self,
        actor: str | int | None = None,
        *,
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
    ) -> pd.DataFrame:
        """Return who met whom: pairs linked by consult events (CAMEO 04x), most events first.

        Meetings, visits, hosting, negotiation and mediation count, whichever
        way the event points.

        Parameters
        ----------
        actor : str or int, optional
            Only the pairs around this actor (an id, name or alias, any case),
            who is then ``a`` of every pair.
        {filters}
        limit : int, optional
            Most rows (the server's default is 100, at most 10,000).
        offset : int, default 0
            Rows skipped first, in the order described (next page: ``offset + limit``).
        exact : bool, default False
            False: a state (a country actor) stands for itself and every actor
            acting for it (government, ministries, military, diplomats, office
            holders). True: the node alone.

        Returns
        -------
        pandas.DataFrame
            One row per pair: ``a_id``, ``a_name``, ``a_type``, ``a_country``,
            the same for ``b``, ``events`` (how many), ``first_date`` and
            ``last_date`` (datetime64), ``event_ids`` and ``sentences`` (the
            evidence, one sentence per event). ``df.attrs["total"]`` is how
            many pairs there are in all.

        Raises
        ------
        DiplographError
            404 for an unknown actor, 409 for a name several actors share.

        Examples
        --------
        >>> client.who_met_whom("Putin", since="2017-12-01")  # doctest: +SKIP
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
        if actor is not None:
            params["actor"] = str(actor)
        params.update(page_params(limit, offset))
        answer = self._get("/graph/who-met-whom", params)
        df = tables.who_met_whom_table(answer)
        df.attrs["total"] = answer["total"]
        return df

    @with_filter_docs
    def ego(
        self,
        actor: str | int,
        *,
        radius: int = 1,
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
    ) -> pd.DataFrame:
        """Return an actor's neighbourhood: who it has events with, and how they went.

        Parameters
        ----------
        actor : str or int
            An id, canonical name or alias, any case.
        radius : {1, 2}, default 1
            1: the actor's counterparts; 2: theirs too.
        {filters}
        limit : int, optional
            Most rows (the server's default is 100, at most 10,000).
        offset : int, default 0
            Rows skipped first, in the order described (next page: ``offset + limit``).
        exact : bool, default False
            False: a state (a country actor) stands for itself and every actor
            acting for it (government, ministries, military, diplomats, office
            holders). True: the node alone.

        Returns
        -------
        pandas.DataFrame
            One row per neighbour, nearest then busiest first: ``id``,
            ``name``, ``type``, ``country``, ``distance``, ``via`` (ids of the
            distance-1 neighbours a distance-2 one is reached through), and the
            summary of the events that tie it in: ``events``, ``outgoing``
            (from the actor, or from the ``via`` nodes), ``incoming``,
            ``verbal_cooperation``, ``material_cooperation``,
            ``verbal_conflict``, ``material_conflict``, ``goldstein_sum``,
            ``mean_goldstein``, ``first_date``, ``last_date``, ``event_ids``.
            ``df.attrs`` holds ``level``, ``radius``, ``actor`` (the node) and
            ``total`` (how many neighbours there are in all).
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
        params["radius"] = radius
        params.update(page_params(limit, offset))
        answer = self._get(f"/graph/actors/{_segment(actor)}/ego", params)
        df = tables.ego_table(answer)
        df.attrs.update(
            level=answer["level"],
            radius=answer["radius"],
            actor=answer["actor"],
            total=answer["total"],
        )
        return df

    @with_filter_docs
    def balance(
        self,
        actor: str | int,
        *,
        since: Day | None = None,
        until: Day | None = None,
        codes: str | Sequence[str] | None = None,
        quad_class: int | Sequence[int] | None = None,
        min_confidence: float = 0.0,
        modality: str | Sequence[str] = "asserted",
        level: Level = "actor",
        exact: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> pd.DataFrame:
        """Return cooperation against conflict between ``actor`` and each of its counterparts.

        Parameters
        ----------
        actor : str or int
            An id, canonical name or alias, any case.
        {filters}
        limit : int, optional
            Most rows (the server's default is 100, at most 10,000).
        offset : int, default 0
            Rows skipped first, in the order described (next page: ``offset + limit``).
        exact : bool, default False
            False: a state (a country actor) stands for itself and every actor
            acting for it (government, ministries, military, diplomats, office
            holders). True: the node alone.

        Returns
        -------
        pandas.DataFrame
            One row per counterpart, highest Goldstein sum first: ``id``,
            ``name``, ``type``, ``country``, ``stance`` ("partner" when the sum
            is positive, "adversary" when negative, else "neutral") and the
            summary columns of :meth:`ego` (both directions; ``outgoing`` =
            from the actor). ``df.attrs`` holds ``actor``, ``total`` (the
            actor's summary over all its counted events) and ``counterparts_total``
            (how many counterparts there are in all).
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
        params["actor"] = str(actor)
        params.update(page_params(limit, offset))
        answer = self._get("/graph/balance", params)
        df = tables.balance_table(answer)
        df.attrs.update({k: answer[k] for k in ("level", "actor", "total")})
        df.attrs["counterparts_total"] = answer.get("counterparts_total", len(df))
        return df

    @with_filter_docs
    def plot_ego(
        self,
        actor: str | int,
        *,
        radius: int = 1,
        ax: "Axes | None" = None,
        since: Day | None = None,
        until: Day | None = None,
        codes: str | Sequence[str] | None = None,
        quad_class: int | Sequence[int] | None = None,
        min_confidence: float = 0.0,
        modality: str | Sequence[str] = "asserted",
        level: Level = "actor",
    ) -> "Figure":
        """Draw an actor's neighbourhood: nodes coloured by country, ties by quad class.

        See :func:`app.plots.draw_ego` for the drawing.

        Parameters
        ----------
        actor : str or int
            An id, canonical name or alias, any case.
        radius : {1, 2}, default 1
        ax : matplotlib.axes.Axes, optional
            Draw there (default: a new figure).
        {filters}

        Returns
        -------
        matplotlib.figure.Figure
        """
        from diplograph.app.plots import draw_ego

        ego = self.ego(
            actor,
            radius=radius,
            since=since,
            until=until,
            codes=codes,
            quad_class=quad_class,
            min_confidence=min_confidence,
            modality=modality,
            level=level,
        )
        return draw_ego(ego, ax=ax)


def _segment(value: str | int) -> str:
    """Return ``value`` quoted for use as one URL path segment."""
    return quote(str(value), safe="")
