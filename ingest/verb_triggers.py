"""Event candidates of trigger verbs: "Putin met Sisi", "Seoul condemned the launch".

A verb the lexicon codes (pos ``V``), or a judging verb by the verdict it gives (pos
``J``: "called the move illegal"), takes its source from its subject and its target
from the slots its rule names, tried in order; an intent, appeal or threat may find
its target in the clause it embeds. A verb inside an intent, appeal or threat ("vowed
to help") is absorbed into it (``is_absorbed``) and makes no event of its own.
"""

from spacy.tokens import Token

from diplograph.ingest.acts import (
    act_mention,
    claim_mention,
    denies_a_claim,
    is_act_reference,
    reacts_to_acts,
)
from diplograph.ingest.arguments import (
    actors_of,
    clause_subjects,
    conjuncts,
    headcount,
    object_gap,
    object_tokens,
    passive_participle,
    prep_objects,
    subject_tokens,
    what_it_called,
)
from diplograph.ingest.events import Argument, Candidate
from diplograph.ingest.gazetteer import Gazetteer
from diplograph.ingest.lexicon import TriggerRule, readiness_adjectives, rules_for
from diplograph.ingest.verb_patterns import pattern_rules
from diplograph.ingest.wordlists import wordlist

RECIPROCAL_VERBS = wordlist("reciprocal_verbs")
SUFFERING_VERBS = wordlist("suffering_verbs")
LIGHT_VERBS = wordlist("light_verbs")
GENERIC_VERBS = wordlist("generic_verbs")
# Threats and demands name their target inside the clause: "threatened to review ties with Spain".
EMBEDDED_TARGET_ROOTS = frozenset({"10", "13"})
JUDGING_VERBS = frozenset(
    {"call", "describe", "label", "brand", "term", "deem", "consider", "declare", "find"}
)
INTENT_ROOTS = frozenset({"03"})
# Acts of force whose target may be the place they hit (``place_target``).
PLACE_TARGET_ROOTS = frozenset({"18", "19", "20"})
PLACE_TARGET_PREPS = tuple(wordlist("place_target_preps"))
PAIRWISE_ROOTS = frozenset({"03", "04", "05", "06", "19"})


def targets_for(verb: Token, rule: TriggerRule, gaz: Gazetteer) -> list[Argument]:
    """Return the target actors of a verb trigger under ``rule``, trying its slots in order."""
    slot_tokens: list[Token] = []
    for slot in rule.target_slots:
        tokens = object_tokens(verb) if slot == "obj" else prep_objects(verb, (slot,))
        found = actors_of(tokens, gaz)
        if found:
            return found
        slot_tokens.extend(tokens)
    if rule.cameo[:2] in PLACE_TARGET_ROOTS and (placed := place_target(verb, gaz)):
        return placed
    if reacts_to_acts(rule.cameo):
        # "Seoul condemned the launch": the target is whoever launched, found later;
        # "in a swap mediated by the UAE": whoever swapped, told just before.
        acts = [
            Argument(act_mention(t), "direct")
            for t in slot_tokens
            if is_act_reference(t)
            or ((passive_participle(verb) or object_gap(verb)) and t == verb.head)
            or t in what_it_called(verb)
        ]
        if acts:
            return acts
        if not slot_tokens and denies_a_claim(verb):
            # "Baku denied that its forces had fired": whoever last claimed it.
            return [Argument(claim_mention(verb), "direct")]
    # "vowed to help Egypt", "demanded that Caracas free ...", "threatened to review
    # relations with Spain": the target sits in the embedded clause.
    if not rule.takes_object or not (
        rule.modality in ("intended", "requested") or rule.cameo[:2] in EMBEDDED_TARGET_ROOTS
    ):
        return []
    # An appeal's addressee is its object ("urged X to"), so only "demanded that X ..." (a
    # clause with its own subject) carries one inside; "sought to steady ties" does not.
    # A threat's target is in what is threatened ("threatened to review ties with Spain"),
    # but "warned that Russia was preparing" is about Russia, not addressed to it.
    if rule.modality == "requested":
        embedded_deps: tuple[str, ...] = ("ccomp",)
    elif rule.cameo[:2] == "13":
        embedded_deps = ("xcomp",)
    else:
        embedded_deps = ("xcomp", "ccomp")
    for child in verb.children:
        if rule.cameo[:2] == "13" and child.dep_ == "ccomp" and child.lemma_ in SUFFERING_VERBS:
            # "warned that the group's leaders would pay a heavy price": they are threatened
            suffering = [t for c in child.children if c.dep_ == "nsubj" for t in conjuncts(c)]
            if found := actors_of(suffering, gaz, "inside"):
                return found
        if child.dep_ not in embedded_deps:
            continue
        embedded = [t for c in child.children if c.dep_ == "nsubj" for t in conjuncts(c)]
        found = actors_of(embedded, gaz, "inside") or actors_of(object_tokens(child), gaz, "inside")
        # "offered to mediate between Burhan and Dagalo": the embedded trigger's own slots.
        for inner in rules_for(child.lemma_, "V"):
            if found:
                break
            found = [
                Argument(a.mention, "inside")
                for slot in inner.preps
                for a in actors_of(prep_objects(child, (slot,), depth=0), gaz)
            ]
        if found:
            return found
        found = actors_of(clause_subjects(child), gaz, "inside")
        if found:
            return found
    return []


def is_absorbed(verb: Token) -> bool:
    """Return True for a verb inside an intent, appeal or threat ("vowed to help"): no event."""
    head = verb.head
    if verb.dep_ == "acl" and head.pos_ == "NOUN":
        # "threats to impose tariffs", "an offer to mediate": the noun is the event.
        return any(
            r.modality in ("intended", "requested") or r.cameo[:2] == "13"
            for r in rules_for(head.lemma_, "N")
        )
    while verb.dep_ in ("xcomp", "ccomp") and head != verb:
        if head.lower_ in readiness_adjectives() and head.tag_ in ("JJ", "VBN"):
            return True  # "was ready to meet": an intent (ingest.adjectives)
        if any(r.modality in ("intended", "requested") for r in rules_for(head.lemma_, "V")):
            return True
        verb, head = head, head.head
    return False


def trigger_text(trigger: Token, extra: list[Token]) -> str:
    """Return the words of a trigger with ``extra`` words (a particle, a light verb), in order."""
    tokens = sorted({trigger, *extra}, key=lambda t: t.i)
    return " ".join(t.text for t in tokens)


def _judgement_rules(verb: Token) -> tuple[TriggerRule, ...]:
    """Return the rules of a verdict ("called the move illegal", "described X as a partner").

    The lexicon codes judgement words (pos ``J``): naming an act "unacceptable" is
    criticism, naming it "historic" is praise; the verdict's object is the target.
    """
    if verb.lemma_ not in JUDGING_VERBS:
        return ()
    for child in verb.children:
        words = [child] if child.dep_ in ("oprd", "acomp") else []
        if child.dep_ == "prep" and child.lower_ in ("as", "in"):
            # "described X as a partner", "declared Iran in breach of its obligations"
            words = [t for t in child.children if t.dep_ == "pobj"]
        if child.dep_ == "dobj":
            # "called the launch 'unacceptable'" parsed as an adjective after the object
            words = [t for t in child.rights if t.dep_ == "amod"]
        for word in words:
            rules = rules_for(word.lemma_, "J")
            if rules:
                return rules
    return ()


def _object_rules(verb: Token) -> tuple[TriggerRule, ...]:
    """Return the verb's rules, those naming an object kept only when it has that object.

    "exchanged fire" takes the fighting row; "exchanged prisoners" the release row.
    """
    objects = {o.lemma_.lower() for o in object_tokens(verb)}
    rules = tuple(r for r in rules_for(verb.lemma_, "V") if r.obj is None or r.obj in objects)
    specific = tuple(r for r in rules if r.obj is not None)
    if specific:
        return specific
    if rules:
        return rules
    light = verb.lemma_ in LIGHT_VERBS
    if light and any(rules_for(o.lemma_, "N") for o in object_tokens(verb)):
        return ()  # "held talks": the noun is the event
    # Other verbs: the coding dictionary's patterns ("froze assets", "extended aid to",
    # "issued arrest warrants"); a light or generic verb only with its object.
    generated = pattern_rules(verb, specific_only=light or verb.lemma_ in GENERIC_VERBS)
    return generated or ()


def place_target(verb: Token, gaz: Gazetteer) -> list[Argument]:
    """Return the state of the place an act of force hit, when it names no actor.

    "Israeli jets struck targets near Tehran" targets Iran; "shelled positions in
    Donetsk" targets Ukraine. Only places are taken, never people or bodies, and only
    when the verb has an object hit there ("fought in Syria" names no target).
    """
    objects = object_tokens(verb)
    if not objects:
        return []
    tokens = prep_objects(verb, PLACE_TARGET_PREPS, depth=0) + [
        t for obj in objects for t in prep_objects(obj, PLACE_TARGET_PREPS, depth=0)
    ]
    return [
        Argument(a.mention, "inside")
        for a in actors_of(tokens, gaz, "inside")
        if a.mention.type == "country"
    ]


def _governing_verb(token: Token, hops: int = 4) -> Token | None:
    """Return the nearest verb ``token`` depends on, or None within ``hops`` heads."""
    for _ in range(hops):
        if token.pos_ == "VERB":
            return token
        if token.head == token:
            return None
        token = token.head
    return None


def _own_clause_targets(verb: Token, gaz: Gazetteer) -> tuple[list[Argument], Token] | None:
    """Return whom a warning about one's own side's action threatens, and that side's token.

    "Iran warned it would strike U.S. bases if attacked" threatens the United States;
    "warned that Beijing would take countermeasures if the deployment went ahead"
    threatens whoever deploys. The pipeline keeps these only when the clause's subject
    is the speaker's own side.
    """
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        objects = object_tokens(clause) + prep_objects(clause, ("on", "against", "at"), 1)
        found = actors_of(objects, gaz, "inside")
        conditions = [c for c in clause.children if c.dep_ == "advcl"]
        for condition in conditions if not found else ():
            cond_subjects = [c for c in condition.children if c.dep_ in ("nsubj", "nsubjpass")]
            found = actors_of(cond_subjects, gaz, "inside") or [
                Argument(act_mention(t), "inside") for t in cond_subjects if is_act_reference(t)
            ]
            if found:
                break
        if found:
            return found, subject
    return None


def verb_candidate(verb: Token, gaz: Gazetteer) -> Candidate | None:
    """Return the event a verb trigger expresses, or None when it lacks actors."""
    rules = _judgement_rules(verb) or _object_rules(verb)
    if not rules or is_absorbed(verb):
        return None
    subj_tokens, inherited = subject_tokens(verb)
    sources = [
        Argument(a.mention, "inherited" if inherited else a.via)
        for a in actors_of(subj_tokens, gaz)
    ]
    if not sources and verb.dep_ == "conj" and verb.head.dep_ == "relcl":
        # "condemned the launch as a provocation that violated ... and urged Pyongyang":
        # the relative clause's noun is no actor, so the conjunct continues the main clause.
        outer = _governing_verb(verb.head.head)
        subj_tokens = subject_tokens(outer)[0] if outer is not None else []
        sources = [Argument(a.mention, "inherited") for a in actors_of(subj_tokens, gaz)]
    if not sources:
        return None
    for rule in rules:
        targets = targets_for(verb, rule, gaz)
        if rule.cameo == "041" and any(t.via != "direct" for t in targets):
            continue  # "called X's launch ...": a phone call is made to someone, not to a thing
        if targets:
            preps = [
                c for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ in rule.preps
            ]
            return Candidate(
                verb,
                trigger_text(verb, preps[:1]),
                rule,
                tuple(sources),
                tuple(targets),
                False,
                verb,
            )
    threat = next((r for r in rules if r.cameo[:2] == "13"), None)
    if threat is not None:
        found = _own_clause_targets(verb, gaz)
        if found is not None:
            targets, side = found
            return Candidate(
                verb, verb.text, threat, tuple(sources), tuple(targets), False, verb, side
            )
    # "Egypt and Russia agreed ...", "the three pledged to deepen cooperation": with no
    # target, a symmetric or cooperative act by several agents is among them.
    pair_rule = next((r for r in rules if "with" in r.preps or r.cameo[:2] in INTENT_ROOTS), None)
    mutual = pair_rule is not None and (
        pair_rule.cameo[:2] in PAIRWISE_ROOTS or verb.lemma_ in RECIPROCAL_VERBS
    )
    if pair_rule and headcount(sources) >= 2 and mutual:
        return Candidate(verb, verb.text, pair_rule, tuple(sources), (), True, verb)
    return None
