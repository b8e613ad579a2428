"""The parties of a construction and the candidate they make.

Who acts in a construction's clause (its own subject, or the ``by`` agent of its
passive), who makes the statement a construction is reported in ("Israel said ...",
"Iran's warning that ..."), and the candidate built from them and the construction's
words, shared by the construction families.
"""

import itertools

from spacy.tokens import Token

from diplograph.ingest.arguments import actors_in, conjuncts, is_passive, subject_tokens
from diplograph.ingest.constructions.words import construction_words
from diplograph.ingest.events import Argument, Candidate
from diplograph.ingest.gazetteer import Gazetteer
from diplograph.ingest.lexicon import TriggerRule

SAYING_VERBS = construction_words("saying_verbs")
STATEMENT_NOUNS = construction_words("statement_nouns")


def actors(tokens: list[Token], gaz: Gazetteer, *, inherited: bool = False) -> list[Argument]:
    """Return the actors the noun phrases headed by ``tokens`` denote."""
    found = [a for t in dict.fromkeys(tokens) for a in actors_in(t, gaz)]
    return [Argument(a.mention, "inherited") for a in found] if inherited else found


def _trigger_text(tokens: list[Token]) -> str:
    """Return the words of a construction in sentence order, "..." marking each gap."""
    ordered = sorted(set(tokens), key=lambda t: t.i)
    words = [ordered[0].text]
    for prev, tok in itertools.pairwise(ordered):
        words.append(tok.text if tok.i == prev.i + 1 else f"... {tok.text}")
    return " ".join(words)


def candidate(
    anchor: Token,
    words: list[Token],
    rule: TriggerRule,
    sources: list[Argument],
    targets: list[Argument],
) -> Candidate | None:
    """Return the candidate of a construction, or None when it lacks a source or a target.

    ``words`` are the construction's words; the first is its trigger. ``anchor`` is the
    verb whose clause tells negation, modality and date (the trigger, or the verb of a
    trigger noun: "issued a warning").
    """
    if not sources or not targets:
        return None
    text = _trigger_text([anchor, *words])
    return Candidate(words[0], text, rule, tuple(sources), tuple(targets), False, anchor)


def own_subject(verb: Token) -> list[Token]:
    """Return the subject (or passive agent) of ``verb``'s own clause; none if inherited."""
    tokens, inherited = subject_tokens(verb)
    return [] if inherited else tokens


def _by_objects(head: Token) -> list[Token]:
    """Return the objects of a ``by`` on ``head``, agent or not ("a warning by Iran")."""
    return [
        t
        for c in head.children
        if c.dep_ in ("agent", "prep") and c.lower_ == "by"
        for p in c.children
        if p.dep_ == "pobj"
        for t in conjuncts(p)
    ]


def agent_actors(verb: Token, predicate: Token, gaz: Gazetteer) -> list[Argument]:
    """Return the actors of ``verb``'s subject, or of the ``by`` agent of its passive.

    In "was held responsible by Israel", "were declared persona non grata by Moscow" the
    parser hangs the agent on the predicate after the verb.
    """
    tokens, inherited = subject_tokens(verb)
    if not tokens and is_passive(verb):
        tokens = _by_objects(predicate)
    return actors(tokens, gaz, inherited=inherited)


def speech_act(clause: Token) -> Token | None:
    """Return the saying verb or statement noun whose content is ``clause``, or None.

    "Israel said [Hamas bore responsibility]", "a warning [that it would strike]" and the
    parenthetical "[The ceasefire will end], Netanyahu said" all report a clause.
    """
    top = clause
    while top.dep_ == "conj" and top.head != top:
        if top.head.lemma_ in SAYING_VERBS and any(c.dep_ == "nsubj" for c in top.children):
            # "said the truce would end and the army would resume": the parser conjoins
            # the second reported clause with "said" itself.
            return top.head
        top = top.head
    head = top.head
    if top.dep_ == "ccomp" and head.pos_ == "VERB" and head.lemma_ in SAYING_VERBS:
        return head
    if top.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and head.lemma_ in STATEMENT_NOUNS:
        return head
    return next(
        (
            c
            for c in top.children
            if c.dep_ in ("ccomp", "parataxis")
            and c.i > top.i
            and c.lemma_ in SAYING_VERBS
            and any(s.dep_ == "nsubj" for s in c.children)
        ),
        None,
    )


def speaker(speech: Token, gaz: Gazetteer) -> tuple[list[Argument], Token]:
    """Return who makes a statement and the token that anchors it.

    A saying verb's subject speaks; a statement noun's possessor or ``by`` agent ("Iran's
    warning"), or the subject of the verb it is the object of ("Iran issued a warning").
    """
    if speech.pos_ != "NOUN":
        tokens, inherited = subject_tokens(speech)
        return actors(tokens, gaz, inherited=inherited), speech
    owners = [t for c in speech.children if c.dep_ == "poss" for t in conjuncts(c)]
    owners += _by_objects(speech)
    if owners:
        return actors(owners, gaz), speech
    if speech.dep_ == "dobj" and speech.head.pos_ == "VERB":
        tokens, inherited = subject_tokens(speech.head)
        return actors(tokens, gaz, inherited=inherited), speech.head
    return [], speech
