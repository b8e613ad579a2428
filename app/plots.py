"""Figures analysts draw again and again: an actor's ego network and a dyad's timeline.

The drawing functions take what the client returns (``Client.ego``,
``Client.dyad``) and return a ``matplotlib.figure.Figure``. They never
touch ``pyplot``: figures are made with ``Figure()`` directly, so they work on
any backend (Agg included, no display needed), hold no global state, and are
freed when dropped. In Jupyter a returned figure shows as the cell's output
(after ``%matplotlib inline``); elsewhere ``fig.savefig("x.png")``.
``plot_ego`` and ``plot_dyad`` fetch the data with a client and draw it.
"""

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import networkx as nx
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from diplograph.app.client.tables import QUADS

if TYPE_CHECKING:
    from diplograph import Client, Dyad

QUAD_COLOURS = {
    "verbal_cooperation": "#74c476",
    "material_cooperation": "#238b45",
    "verbal_conflict": "#fd8d3c",
    "material_conflict": "#cb181d",
}
"""One colour per quad class: greens for cooperation, orange and red for conflict."""
QUAD_LABELS = {
    "verbal_cooperation": "1 verbal cooperation",
    "material_cooperation": "2 material cooperation",
    "verbal_conflict": "3 verbal conflict",
    "material_conflict": "4 material conflict",
}
TICK_FORMATS = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
"""How the timeline labels an interval (by its first day)."""
UNKNOWN_COUNTRY = "#bdbdbd"
"""The colour of actors without a country."""
COUNTRY_PALETTE = (
    "#1f77b4",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
    "#393b79",
    "#637939",
    "#8c6d31",
    "#843c39",
    "#7b4173",
)
"""Country colours, given out in alphabetical order of the ISO codes (none green or red)."""


def country_colours(countries: list[str | None]) -> dict[str | None, str]:
    """Return a colour per country: the palette in alphabetical order, grey for None.

    Examples
    --------
    >>> country_colours(["SYR", None, "RUS", "SYR"])
    {None: '#bdbdbd', 'RUS': '#1f77b4', 'SYR': '#9467bd'}
    """
    known = sorted({c for c in countries if c is not None})
    colours: dict[str | None, str] = {None: UNKNOWN_COUNTRY} if None in countries else {}
    for i, code in enumerate(known):
        colours[code] = COUNTRY_PALETTE[i % len(COUNTRY_PALETTE)]
    return colours


def dominant_quad(counts: Mapping[str, int]) -> str:
    """Return the quad class with the most events (a tie goes to the more conflictual one).

    Examples
    --------
    >>> dominant_quad({"verbal_cooperation": 2, "material_cooperation": 0,
    ...                "verbal_conflict": 2, "material_conflict": 0})
    'verbal_conflict'
    """
    return max(reversed(QUADS), key=lambda q: counts[q])


def _country(value: Any) -> str | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def _new_axes(ax: Axes | None, size: tuple[float, float]) -> tuple[Figure, Axes]:
    if ax is not None:
        figure = ax.get_figure(root=True)
        assert isinstance(figure, Figure)
        return figure, ax
    figure = Figure(figsize=size, layout="constrained")
    return figure, figure.add_subplot()


def ego_network(ego: pd.DataFrame, center: Mapping[str, Any] | None = None) -> "nx.Graph[Any]":
    """Return the ego answer as an undirected graph: the actor, its neighbours, their ties.

    Nodes carry ``name`` and ``country`` (None when unknown); each tie carries
    the counts of its four quad classes, ``events``, ``mean_goldstein`` and
    ``quad`` (its :func:`dominant_quad`). Distance-1 neighbours tie to the
    actor, distance-2 ones to each of their ``via`` nodes.

    Parameters
    ----------
    ego : pandas.DataFrame
        What ``Client.ego`` returns.
    center : mapping, optional
        The actor (id, name, country); default ``ego.attrs["actor"]``.
    """
    center = center if center is not None else ego.attrs.get("actor")
    if center is None:
        raise ValueError("the ego actor is unknown: pass center= or a frame from Client.ego")
    G: nx.Graph[Any] = nx.Graph()
    G.add_node(center["id"], name=center["name"], country=_country(center.get("country")))
    for row in ego.to_dict("records"):
        G.add_node(row["id"], name=row["name"], country=_country(row["country"]))
    for row in ego.to_dict("records"):
        counts = {q: int(row[q]) for q in QUADS}
        tie: dict[str, Any] = {
            **counts,
            "events": int(row["events"]),
            "mean_goldstein": float(row["mean_goldstein"]),
            "quad": dominant_quad(counts),
        }
        for other in [center["id"]] if row["distance"] == 1 else row["via"]:
            G.add_edge(other, row["id"], **tie)
    return G


def draw_ego(
    ego: pd.DataFrame, *, center: Mapping[str, Any] | None = None, ax: Axes | None = None
) -> Figure:
    """Draw an ego network: nodes coloured by country, ties by their main quad class.

    The actor sits in the middle, its neighbours on a circle around it
    (distance-2 ones on an outer circle). A tie's colour is the quad class
    most of its events fall in (green cooperation, orange and red conflict;
    see :data:`QUAD_COLOURS`) and its width grows with its number of events.
    Legends name the countries and the quad classes.

    Parameters
    ----------
    ego : pandas.DataFrame
        What ``Client.ego`` returns.
    center : mapping, optional
        The actor; default ``ego.attrs["actor"]``.
    ax : matplotlib.axes.Axes, optional
        Draw there (default: a new figure).

    Returns
    -------
    matplotlib.figure.Figure
    """
    G = ego_network(ego, center)
    middle = center if center is not None else ego.attrs["actor"]
    figure, ax = _new_axes(ax, (9.0, 7.0))
    shells = [[middle["id"]]]
    for distance in (1, 2):
        ring = ego.loc[ego["distance"] == distance, "id"].tolist()
        if ring:
            shells.append(ring)
    pos = nx.shell_layout(G, nlist=shells) if len(G) > 1 else {middle["id"]: (0.0, 0.0)}
    palette = country_colours([G.nodes[n]["country"] for n in G])
    nodes = list(G)
    nx.draw_networkx_nodes(
        G,
        pos,
        nodelist=nodes,
        node_color=[palette[G.nodes[n]["country"]] for n in nodes],
        node_size=[900 if n == middle["id"] else 450 for n in nodes],
        edgecolors="white",
        ax=ax,
    )
    edges = list(G.edges(data=True))
    if edges:
        nx.draw_networkx_edges(
            G,
            pos,
            edgelist=[(u, v) for u, v, _ in edges],
            edge_color=[QUAD_COLOURS[d["quad"]] for _, _, d in edges],
            width=[1.0 + 1.5 * math.log2(d["events"]) for _, _, d in edges],
            ax=ax,
        )
    nx.draw_networkx_labels(
        G, pos, labels={n: G.nodes[n]["name"] for n in nodes}, font_size=8, ax=ax
    )
    country_legend = ax.legend(
        handles=[
            Line2D([], [], marker="o", linestyle="", color=c, label=k or "unknown")
            for k, c in palette.items()
        ],
        title="country",
        loc="upper left",
        fontsize=8,
    )
    ax.add_artist(country_legend)
    ax.legend(
        handles=[Patch(color=QUAD_COLOURS[q], label=QUAD_LABELS[q]) for q in QUADS],
        title="main quad class",
        loc="lower left",
        fontsize=8,
    )
    radius = ego.attrs.get("radius", 2 if (ego["distance"] == 2).any() else 1)
    ax.set_title(f"{middle['name']}: ego network, radius {radius}")
    ax.set_axis_off()
    return figure


def draw_dyad(dyad: "Dyad", *, ax: Axes | None = None) -> Figure:
    """Draw a dyad's timeline: cooperation up, conflict down, and the mean Goldstein score.

    Each interval has a bar above zero for its cooperation events (verbal and
    material stacked, in greens) and one below zero for its conflict events
    (verbal and material stacked, orange and red), in numbers of events, centred
    on the interval; a black line with dots gives the interval's mean Goldstein
    score on a second axis (-10 to +10, its zero level with the bars' zero).
    Undated events are left out (their number is in the title when there are
    any).

    Parameters
    ----------
    dyad : Dyad
        What ``Client.dyad`` returns.
    ax : matplotlib.axes.Axes, optional
        Draw there (default: a new figure).

    Returns
    -------
    matplotlib.figure.Figure
    """
    figure, ax = _new_axes(ax, (9.0, 4.5))
    timeline = dyad.timeline
    spans = list(zip(timeline["start"].tolist(), timeline["end"].tolist(), strict=True))
    days = [(end - start).days + 1 for start, end in spans]
    middles = [start + pd.Timedelta(days=n / 2) for (start, _), n in zip(spans, days, strict=True)]
    widths = [0.8 * n for n in days]
    up = pd.Series(0, index=timeline.index)
    down = pd.Series(0, index=timeline.index)
    for quad in QUADS:
        counts = timeline[quad]
        cooperation = quad.endswith("cooperation")
        ax.bar(
            middles,
            counts if cooperation else -counts,
            widths,
            bottom=up if cooperation else -down,
            color=QUAD_COLOURS[quad],
            label=QUAD_LABELS[quad],
        )
        if cooperation:
            up = up + counts
        else:
            down = down + counts
    highest = max([1, *up.tolist(), *down.tolist()])
    ax.set_ylim(-highest * 1.15, highest * 1.15)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: f"{abs(y):g}"))
    step = max(1, math.ceil(len(timeline) / 12))
    ax.set_xticks(
        middles[::step],
        labels=[f"{d:{TICK_FORMATS[dyad.interval]}}" for d in timeline["start"]][::step],
    )
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_ylabel("events: cooperation up, conflict down")
    goldstein = ax.twinx()
    goldstein.plot(
        middles, timeline["mean_goldstein"], color="black", marker="o", label="mean Goldstein"
    )
    goldstein.set_ylim(-11.5, 11.5)
    goldstein.set_ylabel("mean Goldstein")
    bars, labels = ax.get_legend_handles_labels()
    line, line_label = goldstein.get_legend_handles_labels()
    ax.legend(bars + line, labels + line_label, loc="best", fontsize=8)
    undated = f" ({dyad.undated} undated left out)" if dyad.undated else ""
    ax.set_title(f"{dyad.a['name']} / {dyad.b['name']}: events per {dyad.interval}{undated}")
    if timeline.empty:
        ax.text(0.5, 0.5, "no dated events", ha="center", va="center", transform=ax.transAxes)
    return figure


def plot_ego(client: "Client", actor: str | int, *, radius: int = 1, **filters: Any) -> Figure:
    """Fetch ``client.ego(actor, radius=radius, **filters)`` and draw it with :func:`draw_ego`."""
    return draw_ego(client.ego(actor, radius=radius, **filters))


def plot_dyad(client: "Client", a: str | int, b: str | int, **options: Any) -> Figure:
    """Fetch ``client.dyad(a, b, **options)`` and draw it with :func:`draw_dyad`."""
    return draw_dyad(client.dyad(a, b, **options))
