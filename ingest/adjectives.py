"""Event candidates carried by predicate adjectives: stances and readiness.

- A stance: "Beijing was furious with Tokyo", "Kyiv is grateful to Washington". The
  adjective's rows in ``triggers.csv`` (pos ``A``) code the event; the holder (the
  subject of "be", "remain", "seem", ...) is the source, and the object of a
  preposition the row names is the target.
- Readiness: "Kagame said he was ready to meet Tshisekedi", "Tehran is open to talks
  with Washington". The holder states an intent (CAMEO root 03) whose code comes from
  what it is ready to do (``adjectives.toml`` maps that act's code to an intent code),
  aimed at that act's own target.

The parser tags "disappointed", "concerned" or "prepared" as an adjective or as a
participle, and hangs it on the copula (``acomp``) or makes it the head of its clause
with a passive subject ("Seoul was concerned by ..."); both readings are handled. The
candidates have the shape of ``ingest.events.Candidate``; the pipeline resolves, codes
and negates them like those of trigger verbs.
"""

from collections.abc import Iterator

from spacy.tokens import Span, Token

from diplograph.ingest.arguments import (
    actors_in,
    clause_subjects,
    conjuncts,
    is_passive,
    subject_tokens,
)
from diplograph.ingest.events import Argument, Candidate
from diplograph.ingest.gazetteer import Gazetteer
from diplograph.ingest.lexicon import (
    TriggerRule,
    intent_code,
    readiness_adjectives,
    readiness_lexicon,
    rules_for,
)
from diplograph.ingest.verb_triggers import targets_for
from diplograph.ingest.wordlists import wordlist

ADJECTIVE_POS = "A"
LIGHT_VERBS = wordlist("light_verbs")
# Prepositions introducing what one is ready for: "open to talks", "ready for dialogue".
READINESS_PREPS = frozenset({"to", "for"})
AID_ROOT = "07"
SUBJECTS = frozenset({"nsubj", "nsubjpass"})

# An act one is ready to do: its intent code and its targets.
Intent = tuple[str, list[Argument]]


def adjective_candidates(sentence: Span, gaz: Gazetteer) -> Iterator[Candidate]:
    """Yield the stance and readiness candidates of one parsed sentence, in word order."""
    for word in sentence:
        cand = readiness_candidate(word, gaz) or stance_candidate(word, gaz)
        if cand is not None:
            yield cand


def stance_candidate(word: Token, gaz: Gazetteer) -> Candidate | None:
    """Return the stance event of a predicate adjective ("angry with Tokyo"), or None.

    None when the word has no ``A`` row, is not predicated of an actor, or names no
    actor after the prepositions of its rows.
    """
    rules = _stance_rules(word)
    predicate = _predicate(word, gaz) if rules else None
    if predicate is None:
        return None
    anchor, sources = predicate
    for rule in rules:
        if _agent_outside_slots(word, rule):
            continue  # "forces were committed by Moscow": a verb's passive, not a stance
        targets = targets_for(word, rule, gaz)
        if targets:
            preps = [
                c for c in word.children if c.dep_ in ("prep", "agent") and c.lower_ in rule.preps
            ]
            text = " ".join(t.text for t in [word, *preps[:1]])
            return Candidate(word, text, rule, sources, tuple(targets), False, anchor)
    return None


def readiness_candidate(word: Token, gaz: Gazetteer) -> Candidate | None:
    """Return the intent a readiness adjective states ("ready to meet X"), or None.

    None when the word is no readiness adjective, is not predicated of an actor, or
    what it governs has no intent code or no target.
    """
    if word.lower_ not in readiness_adjectives() or _has_agent(word):
        return None
    predicate = _predicate(word, gaz)
    if predicate is None:
        return None
    anchor, sources = predicate
    for act in _intended_acts(word):
        intent = _verb_intent(act, gaz) if act.pos_ in ("VERB", "AUX") else _noun_intent(act, gaz)
        if intent is not None:
            code, targets = intent
            rule = _readiness_rule(word, code)
            text = _readiness_text(word, act)
            return Candidate(word, text, rule, sources, tuple(targets), False, anchor)
    return None


def _readiness_rule(word: Token, code: str) -> TriggerRule:
    """Return the rule a readiness event is coded with: the intent ``code``, intended."""
    return TriggerRule(
        lemma=word.lower_,
        pos=ADJECTIVE_POS,
        target_slots=(),
        cameo=code,
        modality="intended",
        weight=readiness_lexicon().weight,
    )


def _readiness_text(word: Token, act: Token) -> str:
    """Return "ready to meet", "open to talks": the adjective, its "to" or "for", the act."""
    linkers = [c for c in act.children if c.dep_ == "aux" and c.lower_ == "to"]
    if act.head != word:
        linkers.append(act.head)  # the preposition of "open to talks"
    return " ".join(t.text for t in sorted({word, *linkers, act}, key=lambda t: t.i))


# --- the holder -------------------------------------------------------------------------


def _predicate(word: Token, gaz: Gazetteer) -> tuple[Token, tuple[Argument, ...]] | None:
    """Return the clause anchor and the holders of a predicate adjective, or None.

    "Beijing was furious" hangs the adjective on the copula, whose subject holds it;
    "Seoul was concerned by ..." makes the participle the clause head, with its own
    (passive) subject; "Iran, angry with Israel, ..." follows its holder. An
    attributive adjective ("an angry crowd") gives None.
    """
    anchor = word
    if word.dep_ in ("acomp", "oprd") and word.head != word:
        anchor = word.head
        holders, inherited = _complement_holders(word)
    elif word.dep_ == "amod" and word.head.i < word.i:
        holders, inherited = [word.head], False
    elif word.pos_ == "ADJ" or (word.tag_ == "VBN" and is_passive(word)):
        holders, inherited = _own_subjects(word)
    else:
        return None
    sources = tuple(
        Argument(a.mention, "inherited" if inherited else a.via)
        for tok in dict.fromkeys(holders)
        for a in actors_in(tok, gaz)
    )
    return (anchor, sources) if sources else None


def _complement_holders(word: Token) -> tuple[list[Token], bool]:
    """Return who an adjective complement is said of: "seemed angry", "left Seoul angry"."""
    verb = word.head
    objects = [t for c in verb.children if c.dep_ == "dobj" for t in conjuncts(c)]
    if word.dep_ == "oprd" and objects:
        return objects, False
    return subject_tokens(verb)


def _own_subjects(word: Token) -> tuple[list[Token], bool]:
    """Return the subject of an adjective heading its clause, and whether it was inherited."""
    # "Hungary is opposed to ...": the parser may hang the subject on the auxiliary.
    heads = [word, *(c for c in word.children if c.dep_ in ("aux", "auxpass"))]
    own = [t for h in heads for c in h.children if c.dep_ in SUBJECTS for t in conjuncts(c)]
    if own:
        return own, False
    if word.dep_ in ("conj", "xcomp") and word.head != word:
        # "Seoul condemned the launch and was alarmed by it": the first verb's subject.
        return subject_tokens(word.head)[0], True
    return [], False


def _has_agent(word: Token) -> bool:
    return any(c.dep_ == "agent" for c in word.children)


def _agent_outside_slots(word: Token, rule: TriggerRule) -> bool:
    """Return True for a ``by`` agent the rule does not read as its target."""
    return _has_agent(word) and "by" not in rule.preps


def _stance_rules(word: Token) -> tuple[TriggerRule, ...]:
    # Keyed by word form: the participle "disappointed" has the verb lemma "disappoint".
    return rules_for(word.lower_, ADJECTIVE_POS) or rules_for(word.lemma_, ADJECTIVE_POS)


# --- what the holder is ready to do -----------------------------------------------------


def _intended_acts(word: Token) -> list[Token]:
    """Return what a readiness adjective governs: "ready to meet", "open to (resuming) talks"."""
    acts = [c for c in word.children if c.dep_ == "xcomp"]
    for prep in word.children:
        if prep.dep_ == "prep" and prep.lower_ in READINESS_PREPS:
            acts.extend(c for c in prep.children if c.dep_ in ("pobj", "pcomp"))
    return acts


def _verb_intent(verb: Token, gaz: Gazetteer) -> Intent | None:
    """Return the intent of being ready to do ``verb`` ("meet X" gives 036 to X), or None."""
    objects = [t for c in verb.children if c.dep_ == "dobj" for t in conjuncts(c)]
    if verb.lemma_ in LIGHT_VERBS:
        # "ready to hold talks with Seoul": the noun is the act.
        for obj in objects:
            found = _noun_intent(obj, gaz, extra_head=verb)
            if found is not None:
                return found
    rules = rules_for(verb.lemma_, "V")
    if rules:
        return _coded_verb_intent(verb, rules, gaz)
    lexicon = readiness_lexicon()
    if verb.lemma_ not in lexicon.cooperative_verbs:
        return None
    # "ready to work with Brazil", "eager to improve relations with Afghanistan"
    heads = [verb, *(o for o in objects if o.lemma_ in lexicon.cooperative_nouns)]
    targets = _prep_actors(heads, ("with", "between"), gaz)
    return (lexicon.cooperation_code, targets) if targets else None


def _coded_verb_intent(
    verb: Token, rules: tuple[TriggerRule, ...], gaz: Gazetteer
) -> Intent | None:
    """Return the intent of a trigger verb under the first of its rules that has a target."""
    subjects = clause_subjects(verb)
    for rule in rules:
        code = intent_code(rule.cameo)
        if code is None:
            continue
        targets = targets_for(verb, rule, gaz)
        if not targets and subjects:
            # "ready to help Baku and Yerevan reach a settlement": who is helped to act.
            targets = [a for t in subjects for a in actors_in(t, gaz)]
            if rule.cameo[:2] == AID_ROOT:
                code = readiness_lexicon().help_in_action_code
        if targets:
            return code, targets
    return None


def _noun_intent(noun: Token, gaz: Gazetteer, extra_head: Token | None = None) -> Intent | None:
    """Return the intent of being ready for ``noun`` ("talks with X" gives 036), or None."""
    heads = [noun] if extra_head is None else [noun, extra_head]
    for rule in rules_for(noun.lemma_, "N"):
        code = intent_code(rule.cameo)
        if code is None:
            continue
        targets = _prep_actors(heads, rule.preps, gaz)
        if targets:
            return code, targets
    lexicon = readiness_lexicon()
    if noun.lemma_ in lexicon.cooperative_nouns:
        targets = _prep_actors(heads, ("with", "between"), gaz)
        if targets:
            return lexicon.cooperation_code, targets
    return None


def _prep_actors(heads: list[Token], preps: tuple[str, ...], gaz: Gazetteer) -> list[Argument]:
    """Return the actors named after ``preps`` on any of ``heads`` ("talks with Seoul").

    Possessors are not looked at: in "its ties with Baghdad" the owner is the holder.
    """
    pobjs = [
        t
        for head in heads
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for c in prep.children
        if c.dep_ == "pobj"
        for t in conjuncts(c)
    ]
    return [a for t in dict.fromkeys(pobjs) for a in actors_in(t, gaz)]
