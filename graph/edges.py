"""Compact edge attributes: one slotted object per event, sentences packed in one buffer.

A million events as networkx edges with a dict of attributes each take about a
gigabyte; most of it is the dicts (464 bytes for 13 keys) and the sentence strings.
:class:`EdgeData` holds the same attributes in slots (about 130 bytes) and reads
its sentence from the graph's :class:`SentenceTexts` (UTF-8 in one buffer) when an
answer needs it. It is a read-only mapping, so graph code reads it like the dict it
replaces (``data["date"]``, ``data.get("cameo")``, ``dict(data)``, ``**data``).
"""

from array import array
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

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
)
"""The attributes of an event edge, in the order :class:`EdgeData` lists them."""
_KEYSET = frozenset(KEYS)


class SentenceTexts:
    """Sentence texts by sentence id: one UTF-8 buffer and two offset arrays indexed by id.

    About 70 bytes a sentence less than a ``str`` each. Texts are only ever
    added (a sentence whose text changes makes the store rebuild the graph), so
    readers in other threads are never disturbed.

    Examples
    --------
    >>> texts = SentenceTexts()
    >>> texts.add(3, "Putin met Assad.")
    >>> texts.add(1, "Erdoğan visited Cairo.")
    >>> texts.text(3), texts.text(1), texts.text(2)
    ('Putin met Assad.', 'Erdoğan visited Cairo.', '')
    """

    def __init__(self) -> None:
        self._blob = bytearray()
        self._start: array[int] = array("q")
        self._end: array[int] = array("q")

    def add(self, sentence_id: int, text: str) -> None:
        """Store the text of ``sentence_id`` unless it is stored already."""
        if sentence_id < len(self._end) and self._end[sentence_id]:
            return
        if sentence_id >= len(self._end):
            grow = array("q", bytes(8 * (sentence_id + 1 - len(self._end) + len(self._end) // 4)))
            self._start.extend(grow)
            self._end.extend(grow)
        start = len(self._blob)
        self._blob += text.encode()
        self._start[sentence_id] = start
        self._end[sentence_id] = len(self._blob)

    def text(self, sentence_id: int) -> str:
        """Return the text of ``sentence_id`` ("" if unknown)."""
        if sentence_id >= len(self._end):
            return ""
        return self._blob[self._start[sentence_id] : self._end[sentence_id]].decode()

    def nbytes(self) -> int:
        """Return the bytes the store holds (buffer and arrays)."""
        return len(self._blob) + 16 * len(self._end)


class EdgeData(Mapping[str, Any]):
    """The attributes of one event edge (see :data:`KEYS`), read-only, in slots.

    Examples
    --------
    >>> texts = SentenceTexts()
    >>> texts.add(3, "Putin met Assad.")
    >>> d = EdgeData(7, "040", 1, 1.0, date(2017, 12, 11), "asserted", 0.9, False, 1, 3, "met",
    ...              texts)
    >>> d["root"], d["sentence"], d.get("nothing"), len(d), "trigger" in d
    ('04', 'Putin met Assad.', None, 13, True)
    >>> dict(d)["date"]
    datetime.date(2017, 12, 11)
    """

    __slots__ = (
        "_texts",
        "article_id",
        "cameo",
        "confidence",
        "date",
        "event_id",
        "goldstein",
        "modality",
        "negated",
        "quad_class",
        "root",
        "sentence_id",
        "trigger",
    )

    def __init__(
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
        trigger: str,
        texts: SentenceTexts,
    ) -> None:
        self.event_id = event_id
        self.cameo = cameo
        self.root = ROOTS.get(cameo) or ROOTS.setdefault(cameo, cameo[:2])
        self.quad_class = quad_class
        self.goldstein = goldstein
        self.date = when
        self.modality = modality
        self.confidence = confidence
        self.negated = negated
        self.article_id = article_id
        self.sentence_id = sentence_id
        self.trigger = trigger
        self._texts = texts

    @property
    def sentence(self) -> str:
        """Return the evidence sentence (read from the graph's sentence store)."""
        return self._texts.text(self.sentence_id)

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


ROOTS: dict[str, str] = {}
"""CAMEO code -> its root, so that a million edges share a few hundred root strings."""
