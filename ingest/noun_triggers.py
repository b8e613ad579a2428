"""Event candidates of trigger nouns: "Putin's visit to Cairo", "made stops in Turkey".

A noun the lexicon codes (pos ``N``) takes its source from a possessive, a ``by``
agent, or the subject of the light verb it is the object of ("held talks with"), and
its target from the prepositions its rule names. Cooperation nouns count only behind a
verb ("signed an agreement with"): on their own they name a thing.
"""

from spacy.tokens import Token

from diplograph.ingest.acts import act_mention, is_act_reference, reacts_to_acts
from diplograph.ingest.arguments import (
    actors_of,
    conjuncts,
    direct_actors,
    headcount,
    pobjs,
    prep_objects,
    subject_tokens,
)
from diplograph.ingest.events import Argument, Candidate
from diplograph.ingest.gazetteer import Gazetteer
from diplograph.ingest.lexicon import rules_for
from diplograph.ingest.verb_triggers import PAIRWISE_ROOTS, is_absorbed, trigger_text
from diplograph.ingest.wordlists import wordlist

LIGHT_VERBS = wordlist("light_verbs")
RESPONDING_VERBS = wordlist("responding_verbs")
RESTATING_VERBS = wordlist("restating_verbs")
NOMINAL_ONLY_ROOTS = frozenset({"03", "05", "06"})
CONSULT_CONTEXT_PREPS = frozenset({"during", "after", "in", "at", "before", "following", "for"})


def _noun_sources(noun: Token, gaz: Gazetteer) -> tuple[list[Argument], Token]:
    """Return the agents of a noun trigger and the token that anchors its clause."""
    # "reaffirmed France's support for Armenia": restating makes the noun an act.
    light_head = noun.dep_ == "dobj" and noun.head.lemma_ in RESTATING_VERBS
    for child in noun.children:
        if child.dep_ == "poss" and (found := direct_actors(conjuncts(child), gaz, "direct")):
            return found, noun.head if light_head else noun
    for child in noun.children:
        if child.dep_ in ("prep", "agent") and child.lower_ == "by":
            found = direct_actors(pobjs(child), gaz, "direct")
            if found:
                return found, noun
    head, slot = noun.head, noun
    # "held two hours of talks", "a round of talks": climb to the quantity noun.
    while slot.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "NUM", "PRON"):
        slot = head.head
        head = slot.head
    light = slot.dep_ in ("dobj", "attr") and head.lemma_ in LIGHT_VERBS
    context = (
        slot.dep_ == "pobj" and head.lower_ in CONSULT_CONTEXT_PREPS and head.head.pos_ == "VERB"
    )
    # "Bamako retaliated with a ban on Algerian aircraft": the responder imposes the ban.
    context = context or (
        slot.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_ in RESPONDING_VERBS
    )
    if light or context:
        verb = head if light else head.head
        nearer = _nearer_clause(verb, head) if context else None
        if nearer is not None:
            # "an agreement signed by Shoigu, during a late November visit": the visit (and
            # its date) belongs to the clause just before it, not to the main verb's subject.
            return [Argument(a.mention, "inherited") for a in actors_of(nearer, gaz)], verb
        subj, inherited = subject_tokens(verb)
        args = actors_of(subj, gaz)
        return [Argument(a.mention, "inherited" if inherited else a.via) for a in args], verb
    for child in noun.children:
        if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE"):
            return direct_actors(conjuncts(child), gaz, "direct"), noun
    return [], noun


def _nearer_clause(verb: Token, prep: Token) -> list[Token] | None:
    """Return the agents of a clause that ends right before ``prep`` inside ``verb``'s clause,
    or None when there is none.

    The parser hangs a trailing "during ..." or "after ..." on the main verb; when a
    relative or participle clause with an agent of its own ends just before it
    ("an agreement that had been signed by Shoigu, during a visit"), the phrase is that
    clause's. The agent is its ``by`` phrase, else its subject (not a relative pronoun).
    """
    for token in reversed(verb.doc[verb.i + 1 : prep.i]):
        if token.pos_ != "VERB" or token.dep_ not in ("relcl", "acl", "advcl"):
            continue
        between = verb.doc[token.right_edge.i + 1 : prep.i]
        if not all(t.is_punct for t in between) or verb not in token.ancestors:
            return None
        for child in token.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                return pobjs(child)
        subjects = [
            c for c in token.children if c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS
        ]
        return [t for c in subjects for t in conjuncts(c)] or None
    return None


RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})


def _clause_subjects(noun: Token) -> list[Token]:
    """Return the subjects of the clauses a noun governs ("the demand [that Armenia remove]")."""
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl", "advcl")]
    clauses += [
        t for c in noun.children if c.dep_ == "prep" for t in c.children if t.pos_ == "VERB"
    ]
    return [
        t
        for clause in clauses
        for c in clause.children
        if c.dep_ == "nsubj" and c.lower_ not in ("that", "which", "who")
        for t in conjuncts(c)
    ]


def noun_candidate(noun: Token, gaz: Gazetteer) -> Candidate | None:
    """Return the event a noun trigger expresses, or None when it lacks actors."""
    rules = rules_for(noun.lemma_, "N")
    if not rules:
        return None
    sources, anchor = _noun_sources(noun, gaz)
    if anchor != noun and is_absorbed(anchor):
        return None  # "threats to impose tariffs": the threat is the event
    if anchor == noun:
        # "the EU's trade agreement with Mercosur" names a thing, not an act: cooperation
        # nouns only count as events behind a verb ("signed an agreement with").
        rules = tuple(r for r in rules if r.cameo[:2] not in NOMINAL_ONLY_ROOTS)
    for rule in rules:
        between = prep_objects(noun, ("between",), depth=0)
        if "between" in rule.preps and len(between) >= 2 and not sources:
            pair = direct_actors(between, gaz, "pair")
            if len(pair) >= 2:
                return Candidate(noun, noun.text, rule, tuple(pair), (), True, anchor)
        if not sources:
            continue
        heads = [noun] if anchor == noun else [noun, anchor]
        for head in heads:
            toks = prep_objects(head, tuple(p for p in rule.preps if p != "between"), depth=2)
            if rule.modality == "requested" and head == noun:
                # "Baku's demand that Armenia remove ...", "its call for China to release"
                toks += _clause_subjects(noun)
            targets = actors_of(toks, gaz)
            if not targets and reacts_to_acts(rule.cameo):
                # "expressed deep concern over the attacks": whoever attacked
                targets = [Argument(act_mention(t), "direct") for t in toks if is_act_reference(t)]
            if targets:
                extra = [anchor] if anchor != noun else []
                return Candidate(
                    noun,
                    trigger_text(noun, extra),
                    rule,
                    tuple(sources),
                    tuple(targets),
                    False,
                    anchor,
                )
    # "Modi and Albanese held their annual summit": a meeting among the conjoined agents.
    pair_rule = next((r for r in rules if "with" in r.preps or "between" in r.preps), None)
    if pair_rule and headcount(sources) >= 2 and pair_rule.cameo[:2] in PAIRWISE_ROOTS:
        return Candidate(
            noun, trigger_text(noun, [anchor]), pair_rule, tuple(sources), (), True, anchor
        )
    return None
