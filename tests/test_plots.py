"""The plot helpers: what they draw, checked on the figure's artists (no display needed)."""

import io
from collections.abc import Iterator

import pytest
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.colors import to_rgba
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from sqlalchemy.orm import Session, sessionmaker

from diplograph import Client
from diplograph.app.plots import QUAD_COLOURS, draw_ego, ego_network, plot_dyad, plot_ego
from tests.factories import graph_world, store

RUS, SYR, TUR, USA = "#1f77b4", "#9467bd", "#8c564b", "#e377c2"


@pytest.fixture
def dg(database_url: str, session_factory: sessionmaker[Session]) -> Iterator[Client]:
    """Return a local client on the eleven events of ``factories.graph_world``."""
    store(session_factory, *graph_world())
    with Client.local(database_url, migrate=False) as client:
        yield client


def rgba(*colours: str) -> list[tuple[float, float, float, float]]:
    """Return colours as RGBA tuples."""
    return [to_rgba(c) for c in colours]


def png(figure: Figure) -> bytes:
    """Return the figure rendered as PNG."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def test_ego_network_ties_by_main_quad_class(dg: Client) -> None:
    G = ego_network(dg.ego("Putin"))
    assert dict(G.nodes(data="country")) == {1: "RUS", 2: "SYR", 3: "TUR", 6: "USA"}
    assert {(u, v): d["quad"] for u, v, d in G.edges(data=True)} == {
        (1, 2): "verbal_cooperation",
        (1, 3): "verbal_conflict",
        (1, 6): "verbal_conflict",
    }
    assert G.edges[1, 2] == {
        "verbal_cooperation": 2,
        "material_cooperation": 1,
        "verbal_conflict": 0,
        "material_conflict": 0,
        "events": 3,
        "mean_goldstein": 3.3,
        "quad": "verbal_cooperation",
    }
    far = ego_network(dg.ego("Trump", radius=2))
    assert sorted(far.edges) == [(1, 2), (1, 3), (6, 1), (6, 5)]


def test_draw_ego_colours_nodes_by_country_and_ties_by_quad_class(dg: Client) -> None:
    figure = plot_ego(dg, "Putin")
    ax = figure.axes[0]
    nodes, ties = ax.collections
    assert isinstance(nodes, PathCollection)
    assert isinstance(ties, LineCollection)
    assert [tuple(c) for c in nodes.get_facecolor()] == rgba(RUS, SYR, TUR, USA)
    assert [tuple(c) for c in ties.get_color()] == rgba(
        QUAD_COLOURS["verbal_cooperation"],
        QUAD_COLOURS["verbal_conflict"],
        QUAD_COLOURS["verbal_conflict"],
    )
    assert list(ties.get_linewidth()) == pytest.approx([1 + 1.5 * 1.584962500721156, 2.5, 1.0])
    assert sorted(t.get_text() for t in ax.texts) == [
        "Bashar al-Assad",
        "Donald Trump",
        "Recep Tayyip Erdogan",
        "Vladimir Putin",
    ]
    assert ax.get_title() == "Vladimir Putin: ego network, radius 1"
    assert png(figure).startswith(b"\x89PNG")


def test_an_actor_without_ties_is_drawn_alone(dg: Client) -> None:
    ego = dg.ego("Hamas", since="2019-01-01")
    figure = draw_ego(ego)
    (nodes,) = figure.axes[0].collections
    assert [tuple(c) for c in nodes.get_facecolor()] == rgba("#bdbdbd")


def test_draw_dyad_bars_cooperation_up_conflict_down_with_goldstein(dg: Client) -> None:
    figure = plot_dyad(dg, "Putin", "Erdogan")
    ax, goldstein = figure.axes
    bars = {c.get_label(): [p.get_height() for p in c.patches] for c in ax.containers}
    assert all(isinstance(c, BarContainer) for c in ax.containers)
    assert bars == {
        "1 verbal cooperation": [0.0, 1.0],
        "2 material cooperation": [0.0, 0.0],
        "3 verbal conflict": [-1.0, -0.0],
        "4 material conflict": [-0.0, -0.0],
    }
    (line,) = goldstein.get_lines()
    assert list(line.get_ydata()) == [-2.0, 2.8]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2017-12", "2018-01"]
    assert ax.get_title() == "Vladimir Putin / Recep Tayyip Erdogan: events per month"
    assert goldstein.get_ylim() == (-11.5, 11.5)
    assert png(figure).startswith(b"\x89PNG")


def test_client_methods_draw_the_same_figures(dg: Client) -> None:
    figure = dg.plot_dyad("Putin", "Egypt", modality="all", interval="year")
    assert (
        figure.axes[0].get_title() == "Vladimir Putin / Egypt: events per year (1 undated left out)"
    )
    assert figure.axes[0].texts[0].get_text() == "no dated events"
    assert dg.plot_ego("Trump", radius=2).axes[0].get_title() == (
        "Donald Trump: ego network, radius 2"
    )
