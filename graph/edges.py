"""Compact edge attributes: one slotted object per event, sentences packed in one buffer.

A million events as networkx edges with a dict of attributes each take about a
gigabyte; most of it is the dicts (464 bytes for 13 keys) and the sentence strings.
The graph's :class:`EdgeColumns` holds the attributes of all its edges in typed arrays
(about 63 bytes an edge, sentences packed as UTF-8 in one buffer) and each edge's
:class:`EdgeData` (48 bytes) reads its row when an answer needs it. It is a read-only
mapping, so graph code reads it like the dict it replaces (``data["date"]``,
``data.get("cameo")``, ``dict(data)``, ``**data``). A graph loaded from the store holds
no sentence at first: an edge's sentence is read from the store when first asked for
(:class:`SentenceTexts`), and answers listing many events read theirs at once
(:func:`fetch_sentences`, :func:`with_sentences`).
"""

import threading
from array import array
from bisect import bisect_left
from collections.abc import Callable, ItemsView, Iterable, Iterator, Mapping, Sequence, ValuesView
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

import numpy as np
import numpy.typing as npt

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


@dataclass(frozen=True)
class ColumnChunk:
    """Many events' edge attributes column by column (what a fast load reads per statement).

    One entry per event in each column, in event id order; ``day`` is the date's ordinal
    (0: undated). No sentence texts or positions: the graph reads those when an answer
    needs them (:class:`SentenceTexts`).
    """

    event_id: Ints
    source: Ints
    target: Ints
    cameo: list[str]
    quad_class: Ints
    goldstein: Floats
    day: Ints
    modality: list[str]
    confidence: Floats
    negated: Ints
    article_id: Ints
    sentence_id: Ints
    trigger: list[str]
    mentions: Ints
    articles: Ints

    def __len__(self) -> int:
        return len(self.event_id)


def _put(column: "array[Any]", values: npt.ArrayLike) -> None:
    """Append ``values`` to ``column`` at C speed (converted to the column's item type)."""
    column.frombytes(np.ascontiguousarray(values, dtype=column.typecode).tobytes())


KEYS = (
    "event_id",
    "cameo",
    "root",
    "quad_class",
    "goldstein",
    "date",
    "modality",
    "confidence",
    "negated",
    "article_id",
    "sentence_id",
    "sentence",
    "trigger",
    "sentence_index",
    "mentions",
    "articles",
)
"""The attributes of an event edge, in the order :class:`EdgeData` lists them."""
_KEYSET = frozenset(KEYS)


SentenceLoader = Callable[[Sequence[int]], Mapping[int, tuple[str, int]]]
"""Reads sentences by id from the store: (text, position in its article) by id (ids not
found are left out)."""


class SentenceTexts:
    """Sentence texts and positions by sentence id: one UTF-8 buffer and arrays indexed by id.

    About 70 bytes a sentence less than a ``str`` each. A graph loaded column by column
    holds no sentence at first: with a ``loader``, a sentence asked for (its text or its
    position in its article) is read from the store then (:meth:`text`, :meth:`position`,
    or many at once with :meth:`fetch`) and kept. Texts are only ever added
    (a sentence whose text changes makes the store rebuild the graph), so readers in other
    threads are never disturbed; writers take a lock.

    Examples
    --------
    >>> texts = SentenceTexts()
    >>> texts.add(3, "Putin met Assad.", 2)
    >>> texts.add(1, "Erdoğan visited Cairo.")
    >>> texts.text(3), texts.position(3), texts.text(1), texts.text(2)
    ('Putin met Assad.', 2, 'Erdoğan visited Cairo.', '')
    >>> stored = {5: ("Sisi met Abbas.", 4), 6: ("", 0)}
    >>> lazy = SentenceTexts(lambda ids: {i: stored[i] for i in ids if i in stored})
    >>> lazy.position(5), lazy.known(5), lazy.known(6), lazy.fetch([6, 7]), lazy.known(6)
    (4, True, False, 1, True)
    """

    def __init__(self, loader: SentenceLoader | None = None) -> None:
        self.loader = loader
        self._blob = bytearray()
        self._start: array[int] = array("q")
        self._end: array[int] = array("q")
        self._position: array[int] = array("i")
        self._known = bytearray()  # 1 where a text is stored (an empty text is one too)
        self._lock = threading.Lock()

    def known(self, sentence_id: int) -> bool:
        """Return whether the text of ``sentence_id`` is held (no read of the store)."""
        return sentence_id < len(self._known) and bool(self._known[sentence_id])

    def add(self, sentence_id: int, text: str, position: int = 0) -> None:
        """Store the text and position of ``sentence_id`` unless it is stored already."""
        with self._lock:
            self._add(sentence_id, text, position)

    def _add(self, sentence_id: int, text: str, position: int) -> None:
        if self.known(sentence_id):
            return
        if sentence_id >= len(self._end):
            self._grow(sentence_id)
        start = len(self._blob)
        self._blob += text.encode()
        self._start[sentence_id] = start
        self._end[sentence_id] = len(self._blob)
        self._position[sentence_id] = position
        self._known[sentence_id] = 1  # last: the rest is set once it says so

    def _grow(self, top: int) -> None:
        """Make the offset arrays reach id ``top`` (and a quarter more)."""
        more = top + 1 - len(self._end) + len(self._end) // 4
        grow = array("q", bytes(8 * more))
        self._start.extend(grow)
        self._end.extend(grow)
        self._position.extend(array("i", bytes(4 * more)))
        self._known.extend(bytes(more))

    def text(self, sentence_id: int) -> str:
        """Return the text of ``sentence_id``: held, else read through the loader and kept
        ("" if unknown)."""
        if not self.known(sentence_id) and self.fetch([sentence_id]) == 0:
            return ""
        return self._blob[self._start[sentence_id] : self._end[sentence_id]].decode()

    def position(self, sentence_id: int) -> int:
        """Return the position of ``sentence_id`` in its article (0: the first), read as
        :meth:`text` reads its text (0 if unknown)."""
        if not self.known(sentence_id) and self.fetch([sentence_id]) == 0:
            return 0
        return self._position[sentence_id]

    def fetch(self, sentence_ids: Iterable[int]) -> int:
        """Read the texts of ``sentence_ids`` not held yet through the loader (one read for
        all) and keep them; return how many were read."""
        loader = self.loader
        if loader is None:
            return 0
        missing = sorted({i for i in sentence_ids if not self.known(i)})
        if not missing:
            return 0
        found = loader(missing)
        with self._lock:
            for sentence_id, (text, position) in found.items():
                self._add(sentence_id, text, position)
        return len(found)

    def nbytes(self) -> int:
        """Return the bytes the store holds (buffer and arrays)."""
        return len(self._blob) + 21 * len(self._end)


class EdgeColumns:
    """The attributes of every edge of a graph in typed arrays, one row per edge.

    Codes, modalities and triggers are numbers into one table of strings, dates
    their ordinals (0: undated), sentences in a :class:`SentenceTexts` (by sentence
    id, read when asked for in a loaded graph): about 63 bytes a row. Rows are only
    ever appended, so readers in other threads are never disturbed.
    """

    def __init__(self) -> None:
        self.event_id: array[int] = array("I")
        self.cameo: array[int] = array("I")
        self.quad_class: array[int] = array("b")
        self.goldstein: array[float] = array("d")
        self.day: array[int] = array("i")
        self.modality: array[int] = array("I")
        self.confidence: array[float] = array("d")
        self.negated: array[int] = array("b")
        self.article_id: array[int] = array("I")
        self.sentence_id: array[int] = array("I")
        self.trigger: array[int] = array("I")
        self.mentions: array[int] = array("i")
        self.articles: array[int] = array("i")
        self.strings: list[str] = []
        self.dates: dict[int, date] = {}
        self.texts = SentenceTexts()
        self._numbers: dict[str, int] = {}

    def append(
        self,
        event_id: int,
        cameo: str,
        quad_class: int,
        goldstein: float,
        when: date | None,
        modality: str,
        confidence: float,
        negated: bool,
        article_id: int,
        sentence_id: int,
        sentence: str,
        trigger: str,
        sentence_index: int = 0,
        mentions: int = 1,
        articles: int = 1,
    ) -> "EdgeData":
        """Add one edge's attributes and return them as an :class:`EdgeData`."""
        row = len(self.event_id)
        numbers = self._numbers
        number = self._number
        self.cameo.append(numbers.get(cameo) or number(cameo))
        self.quad_class.append(quad_class)
        self.goldstein.append(goldstein)
        if when is None:
            self.day.append(0)
        else:
            ordinal = when.toordinal()
            if ordinal not in self.dates:
                self.dates[ordinal] = when
            self.day.append(ordinal)
        self.modality.append(numbers.get(modality) or number(modality))
        self.confidence.append(confidence)
        self.negated.append(negated)
        self.article_id.append(article_id)
        self.sentence_id.append(sentence_id)
        self.trigger.append(numbers.get(trigger) or number(trigger))
        self.mentions.append(mentions)
        self.articles.append(articles)
        self.texts.add(sentence_id, sentence, sentence_index)
        self.event_id.append(event_id)  # last: the row is complete once it has an id
        return EdgeData(row, self)

    def extend(self, rows: list[tuple[Any, ...]]) -> range:
        """Add many edges' attributes at once, each row the arguments of :meth:`append` (all 15);
        return the rows they take (a chunk's columns are written whole, at C speed)."""
        if not rows:
            return range(len(self.event_id), len(self.event_id))
        (ids, cameos, quads, golds, dates, modalities, confs, negs, arts, sids, texts, triggers) = (
            zip(*(row[:12] for row in rows), strict=True)
        )
        extra = [row[12:15] for row in rows]
        numbers, number, known = self._numbers, self._number, self.dates
        for when in set(dates):
            if when is not None:
                known.setdefault(when.toordinal(), when)
        first = len(self.event_id)
        self.cameo.extend([numbers.get(c) or number(c) for c in cameos])
        self.quad_class.extend(quads)
        self.goldstein.extend(golds)
        self.day.extend([0 if d is None else d.toordinal() for d in dates])
        self.modality.extend([numbers.get(m) or number(m) for m in modalities])
        self.confidence.extend(confs)
        self.negated.extend(negs)
        self.article_id.extend(arts)
        self.sentence_id.extend(sids)
        self.trigger.extend([numbers.get(t) or number(t) for t in triggers])
        self.mentions.extend([e[1] for e in extra])
        self.articles.extend([e[2] for e in extra])
        add = self.texts.add
        for sid, text, e in zip(sids, texts, extra, strict=True):
            add(sid, text, e[0])
        self.event_id.extend(ids)  # last: rows are complete once they have ids
        return range(first, len(self.event_id))

    def extend_chunk(self, chunk: ColumnChunk) -> range:
        """Add the edges of ``chunk`` (see :class:`ColumnChunk`); return the rows they take.

        Every column is written whole from the chunk's arrays; per event only the codes,
        modalities and triggers are looked up in the string table.
        """
        first = len(self.event_id)
        if not len(chunk):
            return range(first, first)
        known = self.dates
        for ordinal in np.unique(chunk.day).tolist():
            if ordinal and ordinal not in known:
                known[ordinal] = date.fromordinal(ordinal)
        _put(self.cameo, self._numbered(chunk.cameo))
        _put(self.quad_class, chunk.quad_class)
        _put(self.goldstein, chunk.goldstein)
        _put(self.day, chunk.day)
        _put(self.modality, self._numbered(chunk.modality))
        _put(self.confidence, chunk.confidence)
        _put(self.negated, chunk.negated)
        _put(self.article_id, chunk.article_id)
        _put(self.sentence_id, chunk.sentence_id)
        _put(self.trigger, self._numbered(chunk.trigger))
        _put(self.mentions, chunk.mentions)
        _put(self.articles, chunk.articles)
        _put(self.event_id, chunk.event_id)  # last: rows are complete once they have ids
        return range(first, len(self.event_id))

    def _numbered(self, texts: list[str]) -> list[int]:
        """Return the numbers of ``texts`` in the string table (new ones added in order)."""
        numbers = self._numbers
        for text in dict.fromkeys(texts):
            if text not in numbers:
                self._number(text)
        return list(map(numbers.__getitem__, texts))

    def recount(self, data: "EdgeData", mentions: int, articles: int) -> None:
        """Set the counts of the edge ``data`` (a later article told its event): the one
        change made in place, two integers, so readers see the old or the new count."""
        self.mentions[data.row] = mentions
        self.articles[data.row] = articles

    def _number(self, text: str) -> int:
        number = self._numbers.get(text)
        if number is None:
            number = self._numbers[text] = len(self.strings)
            self.strings.append(text)
        return number


class EdgeData(Mapping[str, Any]):
    """The attributes of one event edge (see :data:`KEYS`): a row of :class:`EdgeColumns`,
    read-only, read like a dict.

    Examples
    --------
    >>> cols = EdgeColumns()
    >>> d = cols.append(7, "040", 1, 1.0, date(2017, 12, 11), "asserted", 0.9, False, 1, 3,
    ...                 "Putin met Assad.", "met")
    >>> d["root"], d["sentence"], d.get("nothing"), len(d), "trigger" in d
    ('04', 'Putin met Assad.', None, 16, True)
    >>> d["sentence_index"], d["mentions"], d["articles"]
    (0, 1, 1)
    >>> dict(d)["date"], d["negated"], d["goldstein"]
    (datetime.date(2017, 12, 11), False, 1.0)
    """

    __slots__ = ("_cols", "_row")

    def __init__(self, row: int, cols: EdgeColumns) -> None:
        self._row = row
        self._cols = cols

    @property
    def row(self) -> int:
        """Return the edge's row in its :class:`EdgeColumns`."""
        return self._row

    @property
    def columns(self) -> EdgeColumns:
        """Return the :class:`EdgeColumns` the edge is a row of."""
        return self._cols

    @property
    def event_id(self) -> int:
        """Return the event id."""
        return self._cols.event_id[self._row]

    @property
    def cameo(self) -> str:
        """Return the CAMEO code."""
        return self._cols.strings[self._cols.cameo[self._row]]

    @property
    def root(self) -> str:
        """Return the CAMEO root (the code's first two digits)."""
        cameo = self._cols.strings[self._cols.cameo[self._row]]
        return ROOTS.get(cameo) or ROOTS.setdefault(cameo, cameo[:2])

    @property
    def quad_class(self) -> int:
        """Return the quad class."""
        return self._cols.quad_class[self._row]

    @property
    def goldstein(self) -> float:
        """Return the Goldstein score."""
        return self._cols.goldstein[self._row]

    @property
    def date(self) -> date | None:
        """Return the event's date (None when undated)."""
        ordinal = self._cols.day[self._row]
        return self._cols.dates[ordinal] if ordinal else None

    @property
    def modality(self) -> str:
        """Return the modality."""
        return self._cols.strings[self._cols.modality[self._row]]

    @property
    def confidence(self) -> float:
        """Return the extraction confidence."""
        return self._cols.confidence[self._row]

    @property
    def negated(self) -> bool:
        """Return whether the event is negated."""
        return bool(self._cols.negated[self._row])

    @property
    def article_id(self) -> int:
        """Return the article id."""
        return self._cols.article_id[self._row]

    @property
    def sentence_id(self) -> int:
        """Return the sentence id."""
        return self._cols.sentence_id[self._row]

    @property
    def sentence(self) -> str:
        """Return the evidence sentence."""
        return self._cols.texts.text(self._cols.sentence_id[self._row])

    @property
    def trigger(self) -> str:
        """Return the trigger words."""
        return self._cols.strings[self._cols.trigger[self._row]]

    @property
    def sentence_index(self) -> int:
        """Return the sentence's position in its article (0: the first)."""
        return self._cols.texts.position(self._cols.sentence_id[self._row])

    @property
    def mentions(self) -> int:
        """Return how many sentences (in every article) tell the occurrence."""
        return self._cols.mentions[self._row]

    @property
    def articles(self) -> int:
        """Return how many articles tell the occurrence."""
        return self._cols.articles[self._row]

    def __getitem__(self, key: str) -> Any:
        if key in _KEYSET:
            return getattr(self, key)
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        return key in _KEYSET

    def __iter__(self) -> Iterator[str]:
        return iter(KEYS)

    def __len__(self) -> int:
        return len(KEYS)

    def __repr__(self) -> str:
        return repr(dict(self))


ValueT = TypeVar("ValueT")


class EventRows(Mapping[int, ValueT], Generic[ValueT]):
    """What the events of one pair, held as rows of edge columns, do alike: ``_rows`` is
    the row of the pair's one event, or an array of rows in the pair's order. Subclasses
    hold the slots and find an event's row (``_row_of``, KeyError when absent)."""

    __slots__ = ()
    _rows: "int | array[int]"

    def _row_of(self, key: object) -> int:
        raise NotImplementedError

    def data(self, row: int) -> ValueT:
        """Return the attributes of the pair's event at edge row ``row``."""
        raise NotImplementedError

    def __contains__(self, key: object) -> bool:
        try:
            self._row_of(key)
        except KeyError:
            return False
        return True

    def __len__(self) -> int:
        rows = self._rows
        return 1 if isinstance(rows, int) else len(rows)

    def rows_flagged(self, flags: bytes) -> list[int]:
        """Return the rows of the pair's events whose byte in ``flags`` (one a row) is set,
        in the pair's order."""
        rows = self._rows
        if isinstance(rows, int):
            return [rows] if flags[rows] else []
        return [row for row in rows if flags[row]]

    def rows(self) -> "tuple[int, ...] | array[int]":
        """Return the rows of the pair's events in the edge columns, in the pair's order."""
        rows = self._rows
        return (rows,) if isinstance(rows, int) else rows

    def __repr__(self) -> str:
        return repr(dict(self))


class PairEvents(EventRows[EdgeData]):
    """The events from one actor to another as the rows of their edge columns: a read-only
    mapping of event id to :class:`EdgeData`, in id order, made on access.

    What a fast load gives each pair of actors instead of a dict: 48 bytes for a pair
    with one event (most pairs: 335,000 of 410,000 at a million events), 4 bytes more
    per further event, where a dict holding an event id and an :class:`EdgeData` takes
    about 150 bytes per event and 250 for the dict. The graph reads it like the dict it
    replaces; adding an event to the pair replaces it with a dict
    (:func:`graph.live.add_edge` copies, never mutates).

    Examples
    --------
    >>> cols = EdgeColumns()
    >>> for id_, cameo in [(7, "040"), (9, "042"), (12, "111")]:
    ...     _ = cols.append(id_, cameo, 1, 1.0, None, "asserted", 0.9, False, 1, id_, "", "met")
    >>> pair = PairEvents(array("I", [0, 2]), cols)
    >>> list(pair), pair[12]["cameo"], pair.get(9), 7 in pair, len(pair)
    ([7, 12], '111', None, True, 2)
    >>> [(k, d["cameo"]) for k, d in pair.items()], dict(PairEvents(1, cols))[9]["cameo"]
    ([(7, '040'), (12, '111')], '042')
    """

    __slots__ = ("_cols", "_rows")

    def __init__(self, rows: "int | array[int]", cols: EdgeColumns) -> None:
        self._rows = rows
        self._cols = cols

    def _row_of(self, key: object) -> int:
        """Return the row of event ``key`` (KeyError when the pair has no such event)."""
        if isinstance(key, int):
            rows, ids = self._rows, self._cols.event_id
            if isinstance(rows, int):
                if ids[rows] == key:
                    return rows
            else:
                i = bisect_left(rows, key, key=ids.__getitem__)
                if i < len(rows) and ids[rows[i]] == key:
                    return rows[i]
        raise KeyError(key)

    def __getitem__(self, key: int) -> EdgeData:
        return EdgeData(self._row_of(key), self._cols)

    def __iter__(self) -> Iterator[int]:
        rows, ids = self._rows, self._cols.event_id
        if isinstance(rows, int):
            return iter((ids[rows],))
        return iter([ids[row] for row in rows])

    def items(self) -> "_PairItems":
        """Return the (event id, :class:`EdgeData`) pairs, in id order."""
        return _PairItems(self)

    def values(self) -> "_PairValues":
        """Return the :class:`EdgeData` of the events, in id order."""
        return _PairValues(self)

    def data(self, row: int) -> EdgeData:
        """Return the attributes of the pair's event at edge row ``row``."""
        return EdgeData(row, self._cols)

    @property
    def columns(self) -> EdgeColumns:
        """Return the :class:`EdgeColumns` the pair's events are rows of."""
        return self._cols


class _PairItems(ItemsView[int, EdgeData]):
    """The items of a :class:`PairEvents`, made row by row."""

    _mapping: PairEvents

    def __iter__(self) -> Iterator[tuple[int, EdgeData]]:
        cols = self._mapping._cols
        ids = cols.event_id
        for row in self._mapping.rows():
            yield ids[row], EdgeData(row, cols)


class _PairValues(ValuesView[EdgeData]):
    """The values of a :class:`PairEvents`, made row by row."""

    _mapping: PairEvents

    def __iter__(self) -> Iterator[EdgeData]:
        cols = self._mapping._cols
        for row in self._mapping.rows():
            yield EdgeData(row, cols)


class FoldedEdgeData(Mapping[str, Any]):
    """The attributes of an event edge in a derived view (the country view, a state view):
    those of the actor graph's edge plus ``source_actor`` and ``target_actor``, the actors
    it links. Reads through to the actor graph's edge (no copy), so counts re-read there
    show here too.

    Examples
    --------
    >>> d = FoldedEdgeData({"cameo": "040", "mentions": 2}, 1, 3)
    >>> d["mentions"], d["target_actor"], len(d), d == {
    ...     "cameo": "040", "mentions": 2, "source_actor": 1, "target_actor": 3}
    (2, 3, 4, True)
    """

    __slots__ = ("_data", "source_actor", "target_actor")

    def __init__(self, data: Mapping[str, Any], source_actor: Any, target_actor: Any) -> None:
        self._data = data
        self.source_actor = source_actor
        self.target_actor = target_actor

    @property
    def data(self) -> Mapping[str, Any]:
        """Return the attributes of the actor graph's edge this one reads through to."""
        return self._data

    def __getitem__(self, key: str) -> Any:
        if key == "source_actor":
            return self.source_actor
        if key == "target_actor":
            return self.target_actor
        return self._data[key]

    def __contains__(self, key: object) -> bool:
        return key in ("source_actor", "target_actor") or key in self._data

    def __iter__(self) -> Iterator[str]:
        yield from self._data
        yield "source_actor"
        yield "target_actor"

    def __len__(self) -> int:
        return len(self._data) + 2

    def __repr__(self) -> str:
        return repr(dict(self))


def fetch_sentences(datas: Iterable[Mapping[str, Any]]) -> int:
    """Read the evidence sentences of the edges ``datas`` (attributes of event edges, folded
    or not) that their graphs do not hold yet, one read per graph; return how many were read.

    What an answer or export listing many events calls first, so that their ``sentence``
    is not read from the store one event at a time. Edges that are plain dicts hold their
    sentence already.
    """
    wanted: dict[int, tuple[EdgeColumns, list[int]]] = {}
    for data in datas:
        while isinstance(data, FoldedEdgeData):
            data = data.data
        if isinstance(data, EdgeData):
            cols = data.columns
            found = wanted.get(id(cols))
            if found is None:
                found = wanted[id(cols)] = (cols, [])
            found[1].append(cols.sentence_id[data.row])
    return sum(cols.texts.fetch(ids) for cols, ids in wanted.values())


EdgeT = TypeVar("EdgeT", bound=tuple[Any, ...])

FETCH_EDGES = 5_000
"""Edges :func:`with_sentences` reads the sentences of at once."""


def with_sentences(edges: Iterable[EdgeT], size: int = FETCH_EDGES) -> Iterator[EdgeT]:
    """Yield ``edges`` (tuples whose last item is the edge's attributes), reading the
    sentences of each ``size`` of them at once first (:func:`fetch_sentences`): how an export
    of a whole graph reads its evidence, a chunk at a time.

    >>> cols = EdgeColumns()
    >>> d = cols.append(7, "040", 1, 1.0, None, "asserted", 0.9, False, 1, 3, "They met.", "met")
    >>> [data["sentence"] for _, _, data in with_sentences([(1, 2, d)])]
    ['They met.']
    """
    chunk: list[EdgeT] = []
    for edge in edges:
        chunk.append(edge)
        if len(chunk) == size:
            fetch_sentences(e[-1] for e in chunk)
            yield from chunk
            chunk = []
    fetch_sentences(e[-1] for e in chunk)
    yield from chunk


ROOTS: dict[str, str] = {}
"""CAMEO code -> its root, so that a million edges share a few hundred root strings."""
