"""The event graph as files other tools read: GraphML, GEXF (with a timeline), JSON, CSV."""

import contextlib
import csv
import io
import json
import queue
import threading
import time
import tomllib
from collections.abc import Callable, Iterator
from datetime import date
from functools import lru_cache
from importlib.resources import files
from typing import IO, Any, Literal, cast

import networkx as nx

from diplograph.graph.edges import with_sentences
from diplograph.graph.filters import EdgeFilter
from diplograph.graph.records import EventGraph

ExportFormat = Literal["graphml", "gexf", "json", "csv"]
MEDIA_TYPES: dict[ExportFormat, str] = {
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
    "json": "application/json",
    "csv": "text/csv",
}

CSV_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "SentenceID",
    "Actor1ID",
    "Actor1Type",
    "Actor2ID",
    "Actor2Type",
    "Modality",
    "Confidence",
    "ArticleID",
    "Trigger",
    "Sentence",
)
"""The CSV columns, one event per row: GDELT's names with GDELT's meaning first (through
``SentenceID``), then Diplograph's own (its actor ids and types, modality, evidence)."""


@lru_cache(maxsize=1)
def cameo_type_codes() -> tuple[dict[str, str], dict[str, str]]:
    """Return the CAMEO type code of each actor type and of each role title (data file)."""
    text = files("diplograph.graph").joinpath("data/cameo_actor_codes.toml").read_text("utf-8")
    table = tomllib.loads(text)
    return dict(table["types"]), dict(table["roles"])


def cameo_actor_code(node: dict[str, Any]) -> tuple[str, str]:
    """Return a node's GDELT ``ActorCode`` (country code + CAMEO type code) and type code.

    A person takes the code of their role ("president" -> GOV); without one, only the country.

    >>> cameo_actor_code({"type": "person", "country": "RUS", "role": "president"})
    ('RUSGOV', 'GOV')
    >>> cameo_actor_code({"type": "country", "country": "EGY", "role": None})
    ('EGY', '')
    >>> cameo_actor_code({"type": "group", "country": None, "role": None})
    ('REB', 'REB')
    """
    types, roles = cameo_type_codes()
    kind = node.get("type") or ""
    role = node.get("role") or ""
    type_code = roles.get(role.lower(), "") if kind == "person" else types.get(kind, "")
    return (node.get("country") or "") + type_code, type_code


CHUNK_ROWS = 2_000
"""Rows (CSV) or items (JSON) per piece of a streamed export."""


def _xml_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return "; ".join(str(v) for v in value)
    return value


def _json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _converted(G: EventGraph, convert: Callable[[Any], Any]) -> EventGraph:
    H: EventGraph = nx.MultiDiGraph()
    H.graph.update({k: convert(v) for k, v in G.graph.items()})
    H.add_nodes_from((n, {k: convert(v) for k, v in attrs.items()}) for n, attrs in G.nodes.items())
    for u, v, key, data in with_sentences(G.edges(keys=True, data=True)):
        H.add_edge(u, v, key=key, **{k: convert(x) for k, x in data.items()})
    return H


def writable_graph(G: EventGraph) -> EventGraph:
    """Return a copy of ``G`` whose attribute values GraphML and GEXF can hold.

    Dates become ISO strings, None becomes "" and tuples (aliases) become one
    string joined by "; "; numbers, booleans and strings are kept.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node(1, role=None, aliases=("putin", "vladimir putin"))
    >>> G.add_edge(1, 1, key=3, date=date(2017, 12, 11), goldstein=1.0)
    3
    >>> H = writable_graph(G)
    >>> H.nodes[1], H.edges[1, 1, 3]
    ({'role': '', 'aliases': 'putin; vladimir putin'}, {'date': '2017-12-11', 'goldstein': 1.0})
    """
    return _converted(G, _xml_value)


def to_graphml(G: EventGraph) -> bytes:
    """Return ``G`` as a GraphML document (``networkx.write_graphml``; edge ids are event ids).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge(1, 2, key=7, date=None)
    7
    >>> H = nx.read_graphml(io.BytesIO(to_graphml(G)), node_type=int, force_multigraph=True)
    >>> list(H.edges(keys=True, data=True))
    [(1, 2, 7, {'date': ''})]
    """
    buffer = io.BytesIO()
    nx.write_graphml(writable_graph(G), buffer)
    return buffer.getvalue()


def to_gexf(G: EventGraph) -> bytes:
    """Return ``G`` as a dynamic GEXF document that Gephi's timeline can play.

    Values are converted as in :func:`writable_graph`. Each dated event is an
    edge whose ``start`` and ``end`` are its date (timeformat "date"); each
    node carries its name as ``label`` and starts at its first dated event.
    Undated events and nodes without dated events have no interval (always
    shown). Each edge's GEXF id is its event id (``networkx.read_gexf`` keeps
    it as the ``id`` attribute; it reads a multigraph, keyed by event id, when
    two events share their ends, else a simple graph).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node(1, name="Putin")
    >>> G.add_node(2, name="Assad")
    >>> G.add_edge(1, 2, key=7, date=date(2017, 12, 11))
    7
    >>> H = nx.read_gexf(io.BytesIO(to_gexf(G)), node_type=int)
    >>> H.graph["mode"], H.nodes[2]["label"], H.nodes[2]["start"]
    ('dynamic', 'Assad', '2017-12-11')
    >>> [(u, v, d["id"], d["start"], d["end"]) for u, v, d in H.edges(data=True)]
    [(1, 2, '7', '2017-12-11', '2017-12-11')]
    """
    H = writable_graph(G)
    H.graph["mode"] = "dynamic"
    first: dict[Any, str] = {}
    for u, v, key, data in H.edges(keys=True, data=True):
        data["id"] = key
        when = data.get("date")
        if when:
            data["start"] = data["end"] = when
            for n in (u, v):
                if n not in first or when < first[n]:
                    first[n] = when
    for n, attrs in H.nodes(data=True):
        attrs["label"] = attrs.get("name", str(n))
        if n in first:
            attrs["start"] = first[n]
    buffer = io.BytesIO()
    nx.write_gexf(H, buffer)
    return buffer.getvalue()


def to_node_link(G: EventGraph) -> dict[str, Any]:
    """Return ``G`` as JSON-ready node-link data (``networkx.node_link_data``, key "edges").

    Dates become ISO strings and tuples lists; None stays null.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge(1, 2, key=7, date=date(2017, 12, 11))
    7
    >>> to_node_link(G)["edges"]
    [{'date': '2017-12-11', 'source': 1, 'target': 2, 'key': 7}]
    >>> H = nx.node_link_graph(to_node_link(G), directed=True, multigraph=True)
    >>> list(H.edges(keys=True))
    [(1, 2, 7)]
    """
    data: dict[str, Any] = nx.node_link_data(_converted(G, _json_value), edges="edges")
    return data


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """Return ``value`` as a CSV cell a spreadsheet will not run as a formula.

    Text starting with ``= + - @`` (or a tab or carriage return) gets a leading
    apostrophe; numbers and other text are left as they are.

    >>> print(safe_cell('=HYPERLINK("http://x")'), safe_cell(-4.0), safe_cell("Putin"))
    '=HYPERLINK("http://x") -4.0 Putin
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def to_csv(G: EventGraph) -> str:
    """Return the events of ``G`` as CSV, one row per event (in id order), GDELT columns first.

    As in GDELT: ``SQLDATE`` is YYYYMMDD (empty when undated); ``ActorNCode`` is the CAMEO
    actor code, country code and type code ("RUSGOV"; see :func:`cameo_actor_code`),
    ``ActorNCountryCode`` the ISO/CAMEO country code and ``ActorNType1Code`` the type code;
    ``EventBaseCode`` and ``EventRootCode`` are the first three and two digits of the CAMEO
    code; ``SentenceID`` is the sentence's number in its article, the first being 1.
    Diplograph's own columns follow: ``ActorNID`` (the node: an actor id, or a country
    code in the country view), ``ActorNType``, ``Modality``, ``Confidence``, ``ArticleID``,
    ``Trigger`` and ``Sentence``.
    Text cells that a spreadsheet would read as a formula are neutralised
    (:func:`safe_cell`).

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node(1, name="Putin", country="RUS", type="person", role="president")
    >>> G.add_node(2, name="Syria", country="SYR", type="country", role=None)
    >>> G.add_edge(1, 2, key=7, date=date(2017, 12, 11), cameo="0431", quad_class=1,
    ...            goldstein=2.8, modality="asserted", confidence=0.9, article_id=1,
    ...            sentence_id=3, sentence_index=2, trigger="met", sentence="Putin met Assad.")
    7
    >>> print(to_csv(G).splitlines()[1])
    7,20171211,RUSGOV,Putin,RUS,GOV,SYR,Syria,SYR,,0431,043,04,1,2.8,3,1,person,2,country,\
asserted,0.9,1,met,Putin met Assad.
    """
    return "".join(iter_csv(G))


def iter_csv(G: EventGraph, rows: int = CHUNK_ROWS) -> Iterator[str]:
    """Yield the CSV of :func:`to_csv` in pieces of ``rows`` rows (the header first)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for n, (u, v, key, data) in enumerate(
        with_sentences(sorted(G.edges(keys=True, data=True), key=lambda e: e[2])), 1
    ):
        when: date | None = data["date"]
        source, target = G.nodes[u], G.nodes[v]
        source_code, source_type = cameo_actor_code(source)
        target_code, target_type = cameo_actor_code(target)
        writer.writerow(
            safe_cell(cell)
            for cell in [
                key,
                when.strftime("%Y%m%d") if when else "",
                source_code,
                source["name"],
                source["country"] or "",
                source_type,
                target_code,
                target["name"],
                target["country"] or "",
                target_type,
                data["cameo"],
                data["cameo"][:3],
                data["cameo"][:2],
                data["quad_class"],
                data["goldstein"],
                data.get("sentence_index", 0) + 1,
                u,
                source["type"],
                v,
                target["type"],
                data["modality"],
                data["confidence"],
                data["article_id"],
                data["trigger"],
                data["sentence"],
            ]
        )
        if n % rows == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def iter_node_link(G: EventGraph, items: int = CHUNK_ROWS) -> Iterator[str]:
    """Yield the JSON text of :func:`to_node_link` in pieces of ``items`` nodes or edges.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node(1, name="Putin")
    >>> G.add_edge(1, 2, key=7, date=date(2017, 12, 11))
    7
    >>> json.loads("".join(iter_node_link(G))) == to_node_link(G)
    True
    """
    head = {"directed": True, "multigraph": True, "graph": _json_value(dict(G.graph))}
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "nodes": ['
    nodes = ({**_json_attrs(a), "id": n} for n, a in G.nodes(data=True))
    yield from _json_items(nodes, items)
    yield '], "edges": ['
    edges = (
        {**_json_attrs(d), "source": u, "target": v, "key": k}
        for u, v, k, d in with_sentences(G.edges(keys=True, data=True))
    )
    yield from _json_items(edges, items)
    yield "]}"


def _json_attrs(attrs: dict[str, Any]) -> dict[str, Any]:
    return {k: _json_value(v) for k, v in attrs.items()}


def _json_items(items: Iterator[dict[str, Any]], size: int) -> Iterator[str]:
    piece: list[str] = []
    first = True
    for item in items:
        piece.append(("" if first else ", ") + json.dumps(item, ensure_ascii=False))
        first = False
        if len(piece) == size:
            yield "".join(piece)
            piece = []
    yield "".join(piece)


class WritableView:
    """The events of a graph that a filter accepts, as the networkx writers read a graph, with
    every attribute value converted for the file (see :func:`writable_graph`) as it is read.

    Nothing is copied: each of the writer's passes reads the graph again. Only events with
    an id up to ``through`` (default: those in the graph when the view is made) are shown,
    so events a live graph gains meanwhile do not appear in a later pass only. Nodes are
    those the shown events link, in the graph's order.
    """

    def __init__(
        self,
        G: EventGraph,
        where: EdgeFilter | None = None,
        convert: Callable[[Any], Any] = _xml_value,
        through: int | None = None,
    ) -> None:
        self._G = G
        self._where = where
        self._convert = convert
        if through is None:
            through = max((key for _, _, key in G.edges(keys=True)), default=0)
        self._through = through
        self.graph = {k: convert(v) for k, v in G.graph.items()}
        linked: set[Any] = set()
        for u, v, _, _ in self._kept():
            linked.add(u)
            linked.add(v)
        self._nodes = [n for n in G if n in linked]

    def is_directed(self) -> bool:
        """Return True: event graphs are directed."""
        return True

    def is_multigraph(self) -> bool:
        """Return True: event graphs are multigraphs keyed by event id."""
        return True

    def _kept(self) -> Iterator[tuple[Any, Any, int, Any]]:
        where, through = self._where, self._through
        for u, v, key, data in self._G.edges(keys=True, data=True):
            if key <= through and (where is None or where.accepts(data)):
                yield u, v, key, data

    def nodes(self, data: bool = False) -> Iterator[Any]:
        """Yield the nodes (with ``data``: ``(node, converted attributes)``)."""
        convert, attrs = self._convert, self._G.nodes
        for n in self._nodes:
            yield (n, {k: convert(x) for k, x in attrs[n].items()}) if data else n

    def edges(self, keys: bool = False, data: bool = False) -> Iterator[tuple[Any, ...]]:
        """Yield the events as ``(u, v[, key][, converted attributes])``."""
        convert = self._convert
        for u, v, key, attrs in with_sentences(self._kept()) if data else self._kept():
            edge: tuple[Any, ...] = (u, v, key) if keys else (u, v)
            yield (*edge, {k: convert(x) for k, x in attrs.items()}) if data else edge


class _Stopped(Exception):
    """The reader of a streamed export went away: the writer stops."""


class _QueueSink(io.RawIOBase):
    """A binary file whose writes go to a bounded queue (the writer waits while it is full)."""

    def __init__(self, pieces: "queue.Queue[object]", stop: threading.Event) -> None:
        super().__init__()
        self._pieces = pieces
        self._stop = stop

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        if self._stop.is_set():
            raise _Stopped
        piece = bytes(b)
        self._pieces.put(piece)
        return len(piece)


def iter_written(write: Callable[[IO[bytes]], None], pending: int = 16) -> Iterator[bytes]:
    """Yield what ``write(file)`` writes to the file, piece by piece, as it writes it.

    The writer runs in a thread of its own and waits whenever ``pending`` pieces are not
    read yet, so memory stays bounded; if the reader stops, the writer is stopped at its
    next write. An exception the writer raises is raised here.
    """
    pieces: queue.Queue[object] = queue.Queue(maxsize=pending)
    stop = threading.Event()
    done = object()

    def run() -> None:
        try:
            write(cast(IO[bytes], _QueueSink(pieces, stop)))
        except _Stopped:
            pass
        except BaseException as exc:  # handed to the reader
            pieces.put(exc)
        finally:
            pieces.put(done)

    worker = threading.Thread(target=run, name="graph-export", daemon=True)
    worker.start()
    try:
        while (piece := pieces.get()) is not done:
            if isinstance(piece, BaseException):
                raise piece
            yield cast(bytes, piece)
    finally:
        stop.set()
        while worker.is_alive():
            with contextlib.suppress(queue.Empty):
                pieces.get(timeout=0.1)


def iter_graphml(
    G: EventGraph, where: EdgeFilter | None = None, *, through: int | None = None
) -> Iterator[bytes]:
    """Yield the GraphML of the events of ``G`` that ``where`` accepts (all by default), as
    it is written: the same document :func:`to_graphml` makes of those events, without a
    copy of the graph or the whole document in memory.

    networkx's incremental GraphML writer (lxml) reads a :class:`WritableView` and writes
    to :func:`iter_written`. Without lxml networkx's writer builds the document; it is
    then made whole and yielded in one piece.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node(1, name="Putin", aliases=("putin",))
    >>> G.add_edge(1, 2, key=7, date=date(2017, 12, 11))
    7
    >>> b"".join(iter_graphml(G)) == to_graphml(G)
    True
    """
    view = WritableView(G, where, through=through)

    def write(file: IO[bytes]) -> None:
        nx.write_graphml(cast(EventGraph, view), file)

    yield from iter_written(write)


GEXF_NAMESPACE = "http://www.gexf.net/1.2draft"
GEXF_HEAD = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    f'<gexf xmlns="{GEXF_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    f'xsi:schemaLocation="{GEXF_NAMESPACE} {GEXF_NAMESPACE}/gexf.xsd" version="1.2">\n'
)
_ATTRIBUTE_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\r": "&#13;",
        "\n": "&#10;",
        "\t": "&#09;",
    }
)
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_EDGE_XML_ATTRIBUTES = ("label", "weight", "type")
"""Edge attributes networkx's GEXF writer puts on the ``<edge>`` element, not in attvalues."""


def _attr(value: Any) -> str:
    """Return ``str(value)`` escaped as ElementTree escapes an XML attribute value."""
    return str(value).translate(_ATTRIBUTE_ESCAPES)


@lru_cache(maxsize=1)
def _gexf_types() -> dict[type, str]:
    """Return the GEXF type networkx's writer declares for each Python (and numpy) type."""
    from networkx.readwrite.gexf import GEXF

    table = GEXF()
    table.construct_types()
    return cast(dict[type, str], table.xml_type)


def _gexf_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if type(value) is float:
        text = {"inf": "INF", "nan": "NaN", "-inf": "-INF"}.get(text, text)
    return _attr(text)


class _GexfAttributes:
    """The attribute declarations of one class (node or edge): id and type by title, in the
    order networkx's writer meets them (the type of the first value met)."""

    def __init__(self, kind: str, first_id: int) -> None:
        self.kind = kind
        self.ids: dict[str, str] = {}
        self.types: dict[str, str] = {}
        self._next = first_id

    def meet(self, attrs: dict[str, Any]) -> None:
        types = _gexf_types()
        for title, value in attrs.items():
            if title not in self.ids:
                if type(value) not in types:
                    raise TypeError(f"attribute value type is not allowed: {type(value)}")
                self.ids[title] = str(self._next)
                self.types[title] = types[type(value)]
                self._next += 1

    def declaration(self) -> str:
        lines = [f'    <attributes mode="static" class="{self.kind}">\n']
        lines += [
            f'      <attribute id="{i}" title="{_attr(t)}" type="{self.types[t]}" />\n'
            for t, i in self.ids.items()
        ]
        lines.append("    </attributes>\n")
        return "".join(lines)

    def values(self, attrs: dict[str, Any], indent: str) -> str:
        ids = self.ids
        lines = [f"{indent}<attvalues>\n"]
        lines += [
            f'{indent}  <attvalue for="{ids[t]}" value="{_gexf_value(v)}" />\n'
            for t, v in attrs.items()
        ]
        lines.append(f"{indent}</attvalues>\n")
        return "".join(lines)


def _gexf_node_attrs(n: Any, attrs: dict[str, Any]) -> tuple[str, str, dict[str, Any]]:
    """Return a node's GEXF id, label and the attributes left for its attvalues."""
    data = dict(attrs)
    node_id = str(data.pop("id", n))
    label = str(data.pop("label", attrs.get("name", str(n))))
    return node_id, label, data


def _gexf_edge_attrs(key: Any, attrs: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Return the XML attributes of an edge element after its ends (id, label, weight, type,
    start, end) and the attributes left for its attvalues (the key last, as networkx has it)."""
    data = dict(attrs)
    data["key"] = key
    head = f' id="{_attr(data.pop("id", key))}"'
    for name in _EDGE_XML_ATTRIBUTES:
        if name in data:
            head += f' {name}="{_attr(data.pop(name))}"'
    when = attrs.get("date")
    if when:
        head += f' start="{_attr(when)}" end="{_attr(when)}"'
    data.pop("start", None), data.pop("end", None)
    data["networkx_key"] = data.pop("key")
    return head, data


def iter_gexf(
    G: EventGraph,
    where: EdgeFilter | None = None,
    *,
    through: int | None = None,
    items: int | None = None,
) -> Iterator[bytes]:
    """Yield the GEXF of the events of ``G`` that ``where`` accepts (all by default), as it is
    written, in pieces of ``items`` nodes or edges (default :data:`CHUNK_ROWS`): the
    document :func:`to_gexf` makes of those events, byte for byte (networkx's writer, which
    holds the whole document's tree), without a copy of the graph or the whole document in
    memory.

    Nodes are those the events link, in the graph's order (as :class:`WritableView` shows
    them); ``through`` bounds the event ids as there. A first pass over the events finds
    what the document's head declares before any node: each node's first date, the
    attributes and their types (those of the first value, as networkx declares them) and
    whether there is a timeline; the second writes the nodes and events.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node(1, name="Putin", aliases=("putin",))
    >>> G.add_node(2, name="Assad & co")
    >>> G.add_edge(1, 2, key=7, date=date(2017, 12, 11))
    7
    >>> b"".join(iter_gexf(G)) == to_gexf(G)
    True
    """
    size = items or CHUNK_ROWS
    view = WritableView(G, where, through=through)
    first: dict[Any, str] = {}
    node_attributes = _GexfAttributes("node", 0)
    for n, attrs in view.nodes(data=True):
        node_attributes.meet(_gexf_node_attrs(n, attrs)[2])
    edge_attributes = _GexfAttributes("edge", len(node_attributes.ids))
    for u, v, key, attrs in view.edges(keys=True, data=True):
        edge_attributes.meet(_gexf_edge_attrs(key, attrs)[1])
        when = attrs.get("date")
        if when:
            for n in (u, v):
                if n not in first or when < first[n]:
                    first[n] = when
    name = _attr(view.graph.get("name", ""))
    timeline = ' timeformat="date"' if first else ""
    head = [
        GEXF_HEAD,
        f'  <meta lastmodifieddate="{time.strftime("%Y-%m-%d")}">\n',
        f"    <creator>{f'NetworkX {nx.__version__}'.translate(_TEXT_ESCAPES)}</creator>\n",
        "  </meta>\n",
        f'  <graph defaultedgetype="directed" mode="dynamic" name="{name}"{timeline}>\n',
    ]
    # networkx inserts each class's declarations first when it meets the class: edges' first
    head += [a.declaration() for a in (edge_attributes, node_attributes) if a.ids]
    yield "".join(head).encode("utf-8", "xmlcharrefreplace")

    def pieces(kind: str, elements: Iterator[str]) -> Iterator[bytes]:
        piece: list[str] = [f"    <{kind}>\n"]
        count = 0
        for count, element in enumerate(elements, 1):
            piece.append(element)
            if count % size == 0:
                yield "".join(piece).encode("utf-8", "xmlcharrefreplace")
                piece = []
        if count == 0:
            yield f"    <{kind} />\n".encode()
        else:
            piece.append(f"    </{kind}>\n")
            yield "".join(piece).encode("utf-8", "xmlcharrefreplace")

    def nodes() -> Iterator[str]:
        for n, attrs in view.nodes(data=True):
            node_id, label, data = _gexf_node_attrs(n, attrs)
            start = f' start="{_attr(first[n])}"' if n in first else ""
            element = f'      <node id="{_attr(node_id)}" label="{_attr(label)}"{start}'
            if not data:
                yield element + " />\n"
            else:
                values = node_attributes.values(data, "        ")
                yield f"{element}>\n{values}      </node>\n"

    def edges() -> Iterator[str]:
        for u, v, key, attrs in view.edges(keys=True, data=True):
            head, data = _gexf_edge_attrs(key, attrs)
            element = f'      <edge source="{_attr(u)}" target="{_attr(v)}"{head}'
            values = edge_attributes.values(data, "        ")
            yield f"{element}>\n{values}      </edge>\n"

    yield from pieces("nodes", nodes())
    yield from pieces("edges", edges())
    yield b"  </graph>\n</gexf>\n"


def export_chunks(G: EventGraph, fmt: ExportFormat) -> Iterator[bytes]:
    """Yield ``G`` in the format ``fmt`` in pieces, for a streamed answer.

    CSV and JSON are written a few thousand events at a time, GraphML as networkx's
    incremental writer writes it (:func:`iter_graphml`), GEXF a few thousand nodes or
    events at a time by :func:`iter_gexf`.
    """
    if fmt == "csv":
        yield from (piece.encode() for piece in iter_csv(G))
    elif fmt == "json":
        yield from (piece.encode() for piece in iter_node_link(G))
    elif fmt == "graphml":
        yield from iter_graphml(G)
    else:
        yield from iter_gexf(G)


def export(G: EventGraph, fmt: ExportFormat) -> bytes:
    """Return ``G`` in the format ``fmt`` as bytes (UTF-8 for JSON and CSV)."""
    if fmt == "graphml":
        return to_graphml(G)
    if fmt == "gexf":
        return to_gexf(G)
    if fmt == "json":
        return json.dumps(to_node_link(G), ensure_ascii=False).encode()
    return to_csv(G).encode()
