"""Expulsion by order: "X ordered Y's ambassador to leave", "declared persona non grata".

"X ordered Y's ambassador to leave (within 72 hours)" and "X declared Y's diplomats
persona non grata" expel the diplomats of Y (the state or body they serve) from X. The
words live in the ``[expulsion]`` table of ``ingest/data/constructions.toml``.
"""

from spacy.tokens import Token

from diplograph.ingest.arguments import conjuncts, is_passive, names_actor
from diplograph.ingest.constructions.parties import actors, agent_actors, candidate
from diplograph.ingest.constructions.words import (
    construction_phrase,
    construction_rule,
    construction_words,
)
from diplograph.ingest.events import Argument, Candidate
from diplograph.ingest.gazetteer import Gazetteer

ORDER_VERBS = construction_words("order_verbs", "expulsion")
DEPARTURE_VERBS = construction_words("departure_verbs", "expulsion")
LEFT_PLACES = construction_words("left_places", "expulsion")
DIPLOMAT_NOUNS = construction_words("diplomat_nouns", "expulsion")
DECLARING_VERBS = construction_words("declaring_verbs", "expulsion")
UNWELCOME_PHRASE = construction_phrase("unwelcome_phrase", "expulsion")


def _owners(diplomat: Token, gaz: Gazetteer) -> list[Argument]:
    """Return the states or bodies a diplomat serves: "the EU's", "Russian", "of Ukraine".

    A possessive pronoun ("its ambassador") is left out: a state ordering its own envoy
    home recalls him, it expels no one.
    """
    owners: list[Token] = []
    for child in diplomat.children:
        possessor = child.dep_ == "poss" and child.pos_ != "PRON"
        if possessor or (child.dep_ in ("amod", "compound", "nmod") and names_actor(child, gaz)):
            owners.extend(conjuncts(child))
        elif child.dep_ == "prep" and child.lower_ in ("of", "from"):
            owners.extend(t for p in child.children if p.dep_ == "pobj" for t in conjuncts(p))
    return [Argument(a.mention, "inside") for a in actors(owners, gaz)]


def _diplomats(tokens: list[Token]) -> list[Token]:
    return [t for tok in tokens for t in conjuncts(tok) if t.lemma_.lower() in DIPLOMAT_NOUNS]


def _leaves_the_country(departure: Token) -> bool:
    """Return True when "leave" has no object or leaves a state ("the country", "Russia")."""
    left = [c for c in departure.children if c.dep_ == "dobj"]
    return not any(c.dep_ == "neg" for c in departure.children) and all(
        t.lemma_.lower() in LEFT_PLACES or t.ent_type_ in ("GPE", "LOC") for t in left
    )


def _departure(verb: Token) -> Token | None:
    """Return the "leave" an order verb or its object governs ("gave him 72 hours to leave")."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "dative", "npadvmod"))]
    for head in heads:
        for child in head.children:
            if (
                child.dep_ in ("xcomp", "advcl", "acl", "relcl", "ccomp")
                and child.lemma_ in DEPARTURE_VERBS
                and _leaves_the_country(child)
            ):
                return child
    return None


def ordered_to_leave(verb: Token, gaz: Gazetteer) -> Candidate | None:
    """Return the expulsion of "X ordered Y's ambassador to leave (within 72 hours)", or None."""
    if verb.pos_ != "VERB" or verb.lemma_ not in ORDER_VERBS:
        return None
    object_deps = ("nsubjpass",) if is_passive(verb) else ("dobj", "dative")
    diplomats = _diplomats([c for c in verb.children if c.dep_ in object_deps])
    departure = _departure(verb)
    if not diplomats or departure is None:
        return None
    sources = agent_actors(verb, departure, gaz)
    targets = [a for d in diplomats for a in _owners(d, gaz)]
    words = [verb, departure, *(c for c in departure.children if c.dep_ == "aux")]
    return candidate(verb, words, construction_rule("expulsion"), sources, targets)


def _unwelcome_phrase(start: Token) -> list[Token]:
    """Return the tokens of "persona non grata" starting at ``start``, or []."""
    if start.lower_ != UNWELCOME_PHRASE[0]:
        return []  # asked of every token: most are not the phrase's first word
    doc = start.doc
    end = start.i + len(UNWELCOME_PHRASE)
    if end > len(doc) or [t.lower_ for t in doc[start.i : end]] != list(UNWELCOME_PHRASE):
        return []
    return list(doc[start.i : end])


def declared_unwelcome(start: Token, gaz: Gazetteer) -> Candidate | None:
    """Return the expulsion of "X declared Y's diplomats persona non grata", or None."""
    phrase = _unwelcome_phrase(start)
    if not phrase:
        return None
    # The parser makes a verb or a noun of "persona"; the declaring verb is above it.
    verb = next((t for t in start.ancestors if t.lemma_ in DECLARING_VERBS), None)
    if verb is None or verb.pos_ != "VERB":
        return None
    if is_passive(verb):
        diplomats = _diplomats([c for c in verb.children if c.dep_ == "nsubjpass"])
    else:
        # "declared two diplomats persona non grata", "declared persona non grata two diplomats"
        after = [t for t in verb.subtree if t.i > verb.i and t not in phrase and t.dep_ != "conj"]
        diplomats = _diplomats(after)
    sources = agent_actors(verb, start, gaz)
    targets = [a for d in diplomats for a in _owners(d, gaz)]
    return candidate(verb, [verb, *phrase], construction_rule("expulsion"), sources, targets)
