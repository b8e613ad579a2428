"""When two spellings name the same person: transliterations, particles, middle names.

The score compares names word by word (``rapidfuzz``), so that two people who share a
surname or a first name ("Kim Yo Jong" and "Kim Jong Un", "Li Qiang" and "Li
Keqiang", "Joe Biden" and "Jill Biden") stay apart while spellings of one name
("Zelenskyy" and "Zelenskiy", "el Sissi" and "al-Sisi") come together.
"""

from functools import lru_cache

from rapidfuzz import fuzz

from diplograph.core.names import normalize_name

PARTICLES = frozenset({"al", "el", "ad", "as", "bin", "ibn", "da", "de", "del", "van", "von"})
"""Name particles left out of the comparison ("al-Sisi" = "el Sissi" = "Sisi")."""

NAME_MATCH_THRESHOLD = 65.0
"""The lowest :func:`name_similarity` at which two names are one person's.

Measured on ``tests/data/name_variants.tsv`` (29 real spellings of one person, 29
real pairs of different people sharing a name part): every variant pair scores 75.0
or more (the lowest: "Benjamin"/"Binyamin Netanyahu"; "Sergey"/"Sergei Lavrov" 83.3),
every pair of different people 54.5 or less ("Ebrahim Raisi"/"Ebrahim Rasool");
the threshold sits in the middle of that gap. ``python -m bench.names`` prints the table.
"""

SHORT_WORD = 3
"""Words this short (given names such as "Jae", "Yo", "Joe") must be equal, not similar."""


def name_words(name: str) -> tuple[str, ...]:
    """Return the words of a person's name, normalized, particles left out.

    >>> name_words("Abdel Fattah el-Sissi")
    ('abdel', 'fattah', 'sissi')
    """
    return _name_words(name)


@lru_cache(maxsize=65536)
def _name_words(name: str) -> tuple[str, ...]:
    return tuple(w for w in normalize_name(name).split() if w not in PARTICLES)


VOWELS = frozenset("aeiouy")


def _word_score(a: str, b: str) -> float:
    """Return how alike two name words are; different first consonants score 0."""
    if a == b:
        return 100.0
    if min(len(a), len(b)) <= SHORT_WORD:
        return 0.0
    if a[0] != b[0] and not (a[0] in VOWELS and b[0] in VOWELS):
        return 0.0  # "Qiang" and "Keqiang" are two names; "Ebrahim" and "Ibrahim" one
    return float(fuzz.ratio(a, b))


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(word in it for word in short)


def name_similarity(a: str, b: str) -> float:
    """Return how alike two person names are, 0 to 100, word by word.

    Equal word lists score 100; a name of two or more words found in order in
    a longer one with the same last word ("Tayyip Erdogan" in "Recep Tayyip
    Erdogan") scores 100; names of as many words score their least similar
    aligned pair of words; anything else 0.

    >>> round(name_similarity("Volodymyr Zelenskyy", "Volodymyr Zelenskiy"), 1)
    88.9
    >>> name_similarity("Tayyip Erdogan", "Recep Tayyip Erdogan")
    100.0
    >>> name_similarity("Kim Yo Jong", "Kim Jong Un")
    0.0
    """
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return 0.0
    if wa == wb:
        return 100.0
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) >= 2 and short[-1] == long[-1] and _is_subsequence(short, long):
        return 100.0
    if len(wa) != len(wb):
        return 0.0
    return min(_word_score(x, y) for x, y in zip(wa, wb, strict=True))


def same_person_name(a: str, b: str) -> bool:
    """Return True when ``a`` and ``b`` spell one person's name (see :func:`name_similarity`).

    >>> same_person_name("Abdel Fattah el Sissi", "Abdel Fattah al-Sisi")
    True
    >>> same_person_name("Li Qiang", "Li Keqiang")
    False
    """
    return name_similarity(a, b) >= NAME_MATCH_THRESHOLD


def best_match(name: str, candidates: dict[str, int]) -> int | None:
    """Return the id of the one candidate name ``name`` spells, or None (none, or several ids).

    ``candidates`` maps names to actor ids; a name of one word never matches
    by similarity (a lone surname is not enough to tell two people apart).
    """
    if len(name_words(name)) < 2:
        return None
    found = {actor_id for other, actor_id in candidates.items() if same_person_name(name, other)}
    return found.pop() if len(found) == 1 else None


STATE_TYPES = frozenset({"country", "government", "military"})
"""Actor types that act for their state: the state itself, its government and forces."""

NOT_FOR_THE_STATE = ("opposition", "rebel", "dissident", "former")
"""Role words of people who have a country but do not speak for its state."""


def acts_for_state(type: str, role: str | None) -> bool:
    """Return True when an actor of this type and role, with a country, acts for that state.

    Its government, ministries, military and diplomats, and its people in office
    (a person with a role: president, minister, envoy, ambassador...) do; NGOs,
    companies, groups, and people without a role or in opposition do not.

    >>> acts_for_state("government", None), acts_for_state("person", "foreign minister")
    (True, True)
    >>> acts_for_state("person", None), acts_for_state("ngo", None)
    (False, False)
    """
    if type in STATE_TYPES:
        return True
    if type != "person" or not role:
        return False
    return not any(word in role.lower() for word in NOT_FOR_THE_STATE)
