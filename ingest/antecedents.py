"""Recording the acts of each sentence, so later sentences can point back to them.

"North Korea fired a ballistic missile" records a launch by North Korea;
"Washington's plan to deploy missiles" a plan (and a deployment) by the United
States; "the summit's final declaration" an agreement whose agent is unknown, which
keeps a later "the declaration" from reaching back past it.
"""

from spacy.tokens import Token

from diplograph.ingest.acts import act_lexicon, is_act_reference, kinds_of
from diplograph.ingest.arguments import (
    actors_in,
    conjuncts,
    is_passive,
    names_actor,
    passive_agents,
    subject_tokens,
)
from diplograph.ingest.context import ArticleContext, ParsedSentence
from diplograph.ingest.events import Candidate
from diplograph.ingest.factuality import is_negated
from diplograph.ingest.gazetteer import Gazetteer
from diplograph.ingest.types import ActorRef, ExtractedEvent
from diplograph.ingest.verb_triggers import is_absorbed
from diplograph.ingest.wordlists import wordlist

LIGHT_VERBS = wordlist("light_verbs")


def note_acts(ctx: ArticleContext, s: ParsedSentence) -> None:
    """Record in ``ctx.acts`` every act of sentence ``s`` whose kind the act lexicon knows."""
    for tok in s.span:
        if tok.pos_ == "VERB":
            _note_verb(ctx, s, tok)
        elif tok.pos_ == "NOUN" and kinds_of(tok.lemma_):
            _note_noun(ctx, s, tok)


def _note_verb(ctx: ArticleContext, s: ParsedSentence, verb: Token) -> None:
    """Record "X fired a missile", "sanctions imposed by X": the verb's and its objects' kinds."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if is_passive(verb):
        objects += [c for c in verb.children if c.dep_ == "nsubjpass"]
    if verb.dep_ == "acl":
        objects.append(verb.head)
    # The object names the act only when the verb does it ("launched an attack", "fired
    # a missile"), not "ignored the warnings"; an object with an owner of its own
    # ("signed the summit's declaration") is the owner's act, recorded with the noun;
    # a definite one ("condemned the launch") points back to an act already told.
    own = kinds_of(verb.lemma_)
    doing = bool(own) or verb.lemma_ in LIGHT_VERBS
    kinds = own.union(
        *(
            kinds_of(o.lemma_)
            for obj in (objects if doing else ())
            for o in conjuncts(obj)
            if not _owners(o, ctx.gaz) and not is_act_reference(o)
        )
    )
    if not kinds or is_negated(verb) or is_absorbed(verb):
        return  # "urged the allies to tighten sanctions" reports no sanction
    subjects, _ = subject_tokens(verb)
    agents = _resolve(ctx, s, subjects)
    if agents:
        words = frozenset({verb.lemma_, *(o.lemma_ for o in objects if kinds_of(o.lemma_))})
        ctx.acts.note(s.offset + verb.i, kinds, agents, words)


def _note_noun(ctx: ArticleContext, s: ParsedSentence, noun: Token) -> None:
    """Record "Washington's plan", "the EU-Mexico agreement", "the summit's declaration"."""
    owners = _owners(noun, ctx.gaz)
    if not owners:
        return  # "the launch" refers to an act; it does not report a new one
    agents = _resolve(ctx, s, owners)
    ctx.acts.note(s.offset + noun.i, kinds_of(noun.lemma_), agents, frozenset({noun.lemma_}))
    # "Washington's plan to deploy a missile system": the plan's owner deploys.
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and kinds_of(child.lemma_) and agents:
            ctx.acts.note(
                s.offset + child.i, kinds_of(child.lemma_), agents, frozenset({child.lemma_})
            )


def _owners(noun: Token, gaz: Gazetteer) -> list[Token]:
    """Return the tokens naming who owns an act noun: its possessor, agent or actor modifier."""
    owners: list[Token] = []
    for child in noun.children:
        if child.dep_ == "poss" and child.ent_type_ not in ("DATE", "TIME"):
            owners.extend(conjuncts(child))
        elif child.dep_ in ("prep", "agent") and child.lower_ == "by":
            owners.extend(t for c in child.children if c.dep_ == "pobj" for t in conjuncts(c))
        elif child.dep_ == "acl":
            owners.extend(passive_agents(child))
    if owners:
        return owners
    # "Israeli strikes", "EU sanctions", "the EU-Mexico trade agreement"; a place is not
    # an owner ("the Gaza ceasefire", "the Ukraine war")
    level = [noun]
    for _ in range(2):
        level = [c for t in level for c in t.children if c.dep_ in ("amod", "compound", "nmod")]
        named = [t for t in level if names_actor(t, gaz) and t.ent_type_ != "GPE"]
        if named:
            return named
    return []


def _resolve(ctx: ArticleContext, s: ParsedSentence, tokens: list[Token]) -> tuple[ActorRef, ...]:
    """Return the actors the tokens denote, resolved against the article so far."""
    out: list[ActorRef] = []
    for tok in dict.fromkeys(tokens):
        for arg in actors_in(tok, ctx.gaz):
            for ref in ctx.resolve(arg.mention, s).actors:
                if ref not in out:
                    out.append(ref)
    return tuple(out)


def note_candidate_act(
    ctx: ArticleContext, s: ParsedSentence, cand: Candidate, events: list[ExtractedEvent]
) -> None:
    """Record the act of a coded event ("said the army would resume fighting unless ...").

    Constructions the parse alone does not show as one verb (a conditional threat)
    become acts here, so a later "rejected the ultimatum" finds who made it.
    """
    kinds = kinds_of(cand.rule.lemma) | kinds_of(cand.trigger.lemma_)
    asserted = [ev for ev in events if not ev.negated]
    agents = [ev.source for ev in asserted]
    if kinds & act_lexicon().shared_kinds:
        # "Turkey signed a deal with Libya": the deal is Libya's too.
        agents += [ev.target for ev in asserted]
    if kinds and agents:
        words = frozenset({cand.trigger.lemma_, cand.anchor.lemma_})
        ctx.acts.note(s.offset + cand.anchor.i, kinds, tuple(dict.fromkeys(agents)), words)
