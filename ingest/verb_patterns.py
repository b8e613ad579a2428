"""Verb patterns of the field's coding dictionary, matched on the dependency parse.

``ingest/data/generated/verb_patterns.tsv`` (converted from PETRARCH2's CAMEO verb
dictionary by ``tools/petrarch_dictionaries.py``) codes a verb by its object, its
preposition and that preposition's object: "froze their assets" (163), "extended
humanitarian aid to Sudan" (073), "recalled its ambassador from Ottawa" (161). Synonym
classes (``&WEAPON``) are expanded when the table is loaded; patterns are indexed by verb
lemma, so a verb is compared only with its own patterns; a pattern may also name its
subject's head ("warplanes raided", 195). A pattern coded ``---`` is a
stop pattern: the verb with that object makes no event ("faced a run-off").
"""

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Token

from diplograph.ingest.datafiles import read_rows
from diplograph.ingest.lexicon import TriggerRule, cameo_codes

STOP = "---"
# Where the target of a pattern whose object is a thing ("froze the assets of X") is found.
THING_TARGET_SLOTS = ("obj", "to", "on", "against", "with", "from", "for", "into", "toward")
MODALITY_BY_ROOT = {"02": "requested", "03": "intended", "10": "requested"}
SPECIFIC_WEIGHT = 0.6
BARE_WEIGHT = 0.5
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# A verb alone codes an event only for these roots: the dictionary's bare statements,
# appeals, intents, meetings and demands ("observed", "expected", "approached",
# "ordered") are mostly not diplomatic acts at all; its acts of conflict are.
BARE_VERB_ROOTS = frozenset(
    {"05", "06", "07", "08", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"}
)


@dataclass(frozen=True)
class VerbPattern:
    """A verb pattern: the particle, object and prepositional phrase it needs, and its rule.

    ``obj`` and ``prep_obj`` are the phrases that may fill the slot (a class expanded),
    empty when the pattern names none; ``rule`` is None for a stop pattern.
    """

    particle: str
    obj: frozenset[str]
    prep: frozenset[str]
    prep_obj: frozenset[str]
    rule: TriggerRule | None
    subject: frozenset[str] = frozenset()

    @property
    def specificity(self) -> int:
        """Return how much the pattern asks for: 2 objects, 1 a bare preposition or a
        subject alone ("warplanes raided"), 0 none."""
        if self.obj or self.prep_obj:
            return 2 + bool(self.obj and self.prep_obj)
        return 1 if self.prep or self.subject else 0

    @property
    def rank(self) -> tuple[int, int, int]:
        """Return the sort key of the pattern: specificity, a subject named, words asked for."""
        words = max((len(p.split()) for p in self.obj | self.prep_obj), default=0)
        return (self.specificity, bool(self.subject), words)


@lru_cache(maxsize=1)
def verb_classes() -> dict[str, tuple[str, ...]]:
    """Return the synonym classes (``&weapon``) and their phrases, from ``verb_classes.tsv``."""
    classes: dict[str, list[str]] = {}
    for row in read_rows("generated/verb_classes.tsv"):
        classes.setdefault(row["class"], []).append(row["phrase"])
    return {name: tuple(phrases) for name, phrases in classes.items()}


def expand(phrase: str, classes: dict[str, tuple[str, ...]]) -> frozenset[str]:
    """Return the phrases a pattern phrase stands for, each ``&class`` word replaced.

    >>> sorted(expand("verbal &fight", {"&fight": ("fight", "clash")}))
    ['verbal clash', 'verbal fight']
    """
    variants = [""]
    for word in phrase.split():
        options = classes.get(word, (word,)) if word.startswith("&") else (word,)
        variants = [f"{v} {o}".strip() for v in variants for o in options]
    return frozenset(variants)


@lru_cache(maxsize=8192)
def _expanded(phrase: str) -> frozenset[str]:
    """Return ``expand`` of a table phrase with the loaded classes (empty for no phrase)."""
    return expand(phrase, verb_classes()) if phrase else frozenset()


def _code(raw: str) -> str | None:
    """Return the CAMEO table's code for ``raw`` (``0874`` falls back to ``087``), or None."""
    table = cameo_codes()
    for size in (len(raw), 3, 2):
        if raw[:size] in table:
            return raw[:size]
    return None


def _rule(row: dict[str, str], code: str) -> TriggerRule:
    lemma = " ".join(w for w in (row["verb"], row["particle"]) if w)
    if row["prep"] and not row["prep_object"]:
        slots: tuple[str, ...] = tuple(row["prep"].split("/"))
    elif row["object"] or row["prep_object"]:
        slots = THING_TARGET_SLOTS
    else:
        slots = (row["particle"],) if row["particle"] else ("obj",)
    specific = bool(row["object"] or row["prep_object"])
    return TriggerRule(
        lemma=lemma,
        pos="V",
        target_slots=slots,
        cameo=code,
        modality=MODALITY_BY_ROOT.get(code[:2], "asserted"),
        weight=SPECIFIC_WEIGHT if specific else BARE_WEIGHT,
    )


@lru_cache(maxsize=1)
def _lines_by_verb() -> tuple[list[str], dict[str, list[str]]]:
    """Return the table's header and its lines keyed by verb lemma, not yet split."""
    text = (
        files("diplograph.ingest")
        .joinpath("data", "generated", "verb_patterns.tsv")
        .read_text(encoding="utf-8")
    )
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    index: dict[str, list[str]] = {}
    for line in lines[1:]:
        index.setdefault(line[: line.index("\t")], []).append(line)
    return lines[0].split("\t"), index


@lru_cache(maxsize=4096)
def verb_patterns(verb: str) -> tuple[VerbPattern, ...]:
    """Return the patterns of one verb lemma, most specific first (built on first use)."""
    patterns: list[VerbPattern] = []
    header, index = _lines_by_verb()
    for line in index.get(verb, ()):
        row = dict(zip(header, line.split("\t"), strict=True))
        if row["cameo"] == STOP:
            rule = None
        else:
            code = _code(row["cameo"])
            bare = not (row["object"] or row["prep"] or row.get("subject"))
            if code is None or (bare and code[:2] not in BARE_VERB_ROOTS):
                continue
            rule = _rule(row, code)
        patterns.append(
            VerbPattern(
                particle=row["particle"],
                obj=_expanded(row["object"]),
                prep=frozenset(row["prep"].split("/")) if row["prep"] else frozenset(),
                prep_obj=_expanded(row["prep_object"]),
                rule=rule,
                subject=_expanded(row.get("subject", "")),
            )
        )
    return tuple(
        sorted(patterns, key=lambda p: (-p.rank[0], -p.rank[1], -p.rank[2], not p.particle))
    )


def noun_phrases(token: Token) -> set[str]:
    """Return the ways a noun phrase may be named: its head, with its modifiers before it.

    "humanitarian aid" gives {"aid", "humanitarian aid"}, in word forms and lemmas; a
    singular noun also in the plural the dictionary may list it in ("an arrest warrant"
    fits "ISSUE * ARREST WARRANTS").
    """
    mods = [c for c in token.lefts if c.dep_ in MODIFIER_DEPS]
    found: set[str] = set()
    heads = {token.lower_, token.lemma_.lower()}
    if token.tag_ == "NN":
        heads.add(token.lemma_.lower() + "s")
    for head in heads:
        found.add(head)
        for n in range(len(mods)):
            words = [m.lower_ for m in mods[n:]]
            found.add(" ".join([*words, head]))
    return found


def _objects(verb: Token) -> list[Token]:
    out: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
            out.extend([child, *child.conjuncts])
    return out


def _preps(verb: Token) -> list[tuple[str, list[Token]]]:
    out: list[tuple[str, list[Token]]] = []
    for child in verb.children:
        if child.dep_ in ("prep", "agent", "dative"):
            objs = [g for c in child.children if c.dep_ in ("pobj", "pcomp") for g in [c]]
            out.append((child.lower_, objs))
    for obj in _objects(verb):  # "froze the assets of X": a phrase on the object counts too
        for child in obj.children:
            if child.dep_ == "prep":
                out.append((child.lower_, [c for c in child.children if c.dep_ == "pobj"]))
    return out


def _subjects(verb: Token) -> list[Token]:
    out: list[Token] = []
    for child in verb.children:
        if child.dep_ == "nsubj":
            out.extend([child, *child.conjuncts])
    return out


def _matches(
    pattern: VerbPattern,
    particles: set[str],
    objects: set[str],
    preps: list[tuple[str, set[str]]],
    subjects: AbstractSet[str] = frozenset(),
) -> bool:
    if pattern.particle and pattern.particle not in particles:
        return False
    if pattern.subject and not (pattern.subject & subjects):
        return False
    if pattern.obj and not (pattern.obj & objects):
        return False
    if pattern.prep:
        return any(
            p in pattern.prep and (not pattern.prep_obj or pattern.prep_obj & names)
            for p, names in preps
        )
    return True


def _phrases(tokens: Iterable[Token]) -> set[str]:
    return {name for t in tokens for name in noun_phrases(t)}


def pattern_rules(verb: Token, *, specific_only: bool = False) -> tuple[TriggerRule, ...] | None:
    """Return the rules of the most specific patterns ``verb`` matches; () for a stop pattern.

    None when no pattern matches. With ``specific_only`` only patterns naming an object
    count (a verb the hand-written lexicon codes keeps its own bare reading).
    """
    patterns = verb_patterns(verb.lemma_.lower())
    if not patterns:
        return None
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep", "agent")}
    objects = _phrases(_objects(verb))
    preps = [(p, _phrases(objs)) for p, objs in _preps(verb)]
    subjects = _phrases(_subjects(verb))
    best: tuple[int, int, int] | None = None
    rules: list[TriggerRule] = []
    for pattern in patterns:
        if best is not None and pattern.rank < best:
            break
        if specific_only and pattern.specificity < 2:
            break
        if not _matches(pattern, particles, objects, preps, subjects):
            continue
        if pattern.rule is None:
            if best is None:
                return ()  # a stop pattern is the most specific reading
            continue
        best = pattern.rank
        if pattern.rule not in rules:
            rules.append(pattern.rule)
    return tuple(rules) if rules else None
