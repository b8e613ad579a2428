"""Event candidates: a trigger word with the tokens that hold its source and target actors.

Works on the dependency parse of one sentence. Verb triggers take their source
from the subject (or the ``by`` agent of a passive, or the subject of the verb
they depend on) and their target from the object or a preposition the lexicon
names. Noun triggers ("Putin's visit to Cairo", "made stops in Turkey") take the
source from a possessive, a ``by`` agent, or the subject of a light verb.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ingest.acts import act_mention, is_act_reference, reacts_to_acts
from ingest.gazetteer import Gazetteer
from ingest.lexicon import TriggerRule, readiness_adjectives, rules_for
from ingest.mentions import conjoined_countries, mention_at
from ingest.types import Mention
from ingest.wordlists import wordlist

LIGHT_VERBS = wordlist("light_verbs")
OBJECT_CONTROL = wordlist("object_control")
RELATIONAL_NOUNS = wordlist("relational_nouns")
RESTATING_VERBS = wordlist("restating_verbs")
RECIPROCAL_VERBS = wordlist("reciprocal_verbs")
# What is looked through inside a noun phrase, by priority: an agent ("the decision by
# Trump"), a possessor, a modifier, then other complements ("in" is left out: places).
INSIDE_TIERS: tuple[frozenset[str], ...] = (
    frozenset({"by"}),
    frozenset(),  # possessors: "Sweden's NATO membership"
    frozenset(),  # modifiers naming a state or body: "the Israeli decision"
    frozenset({"of", "between", "with", "from", "against", "for"}),
)
# Threats and demands name their target inside the clause: "threatened to review ties with Spain".
EMBEDDED_TARGET_ROOTS = frozenset({"10", "13"})
# Prepositions whose -ing clause shares the main clause's subject ("said after meeting X");
# not "accused X of helping" or "thanked X for helping", where X is the one who helps.
CLAUSE_LINKS = frozenset({"after", "before", "while", "since", "upon", "following", "without"})
JUDGING_VERBS = frozenset({"call", "describe", "label", "brand", "term", "deem", "consider"})
INTENT_ROOTS = frozenset({"03"})
NOMINAL_ONLY_ROOTS = frozenset({"03", "05", "06"})
PAIRWISE_ROOTS = frozenset({"03", "04", "05", "06", "19"})
TOPIC_PREPS = frozenset({"about", "over", "on", "regarding", "concerning"})
CONSULT_CONTEXT_PREPS = frozenset({"during", "after", "in", "at", "before", "following", "for"})


@dataclass(frozen=True)
class Argument:
    """An actor mention filling a slot, and how directly the parse gives it."""

    mention: Mention
    via: str  # direct | inside | inherited | pair


@dataclass(frozen=True)
class Candidate:
    """A coded trigger with its source and target arguments."""

    trigger: Token
    trigger_text: str
    rule: TriggerRule
    sources: tuple[Argument, ...]
    targets: tuple[Argument, ...]
    pairwise: bool
    anchor: Token


def conjuncts(token: Token) -> list[Token]:
    """Return ``token`` and the tokens conjoined with it, in sentence order."""
    return sorted([token, *token.conjuncts], key=lambda t: t.i)


def is_passive(verb: Token) -> bool:
    """Return True when ``verb`` is in the passive voice."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _pobjs(prep: Token) -> list[Token]:
    return [t for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in conjuncts(c)]


def passive_agents(verb: Token) -> list[Token]:
    """Return the tokens of a passive verb's ``by`` agent ("signed by Shoigu" gives Shoigu)."""
    return [t for c in verb.children if c.dep_ == "agent" for t in _pobjs(c)]


PLURAL_ACTOR_KINDS = frozenset({"state", "people", "group", "plural_role", "organization"})


def _them_antecedent(pronoun: Token, gaz: Gazetteer) -> Token | None:
    """Return the plural actor "them" stands for: the nearest earlier one not a subject.

    "imposed sanctions on 15 Venezuelan officials, accusing them of ..." gives officials.
    """
    for tok in reversed(pronoun.sent[: pronoun.i - pronoun.sent.start]):
        if tok.tag_ not in ("NNS", "NNPS") or tok.dep_ in ("nsubj", "nsubjpass", "compound"):
            continue
        m = mention_at(tok, gaz)
        if m is not None and m.kind in PLURAL_ACTOR_KINDS:
            return tok
    return None


def _direct_actors(tokens: list[Token], gaz: Gazetteer, via: str) -> list[Argument]:
    found: list[Argument] = []
    for t in dict.fromkeys(tokens):
        if t.lower_ == "them" and t.pos_ == "PRON":
            t = _them_antecedent(t, gaz) or t
        m = mention_at(t, gaz)
        if m is None or m.kind != "person":
            # "his South Korean counterpart, Cho Tae-yul": the appositive names the actor.
            appos = [c for c in t.children if c.dep_ == "appos"]
            named = mention_at(appos[0], gaz) if appos else None
            m = named if named is not None and named.kind == "person" else m
        if m is not None and m.kind != "place":
            found.extend(Argument(x, via) for x in (m, *conjoined_countries(t, m, gaz)))
    return found


def names_actor(modifier: Token, gaz: Gazetteer) -> bool:
    """Return True for a modifier naming a state or a known body ("Israeli", "Hezbollah")."""
    if modifier.ent_type_ in ("NORP", "GPE"):
        return True
    return modifier.ent_type_ == "ORG" and gaz.organization(modifier.text) is not None


def _third_party_act(verb: Token) -> bool:
    """Return True for hosting or mediating ("brokered", "hosted"): done for others."""
    return any(r.cameo[:3] in ("043", "045") for r in rules_for(verb.lemma_, "V"))


def actors_in(token: Token, gaz: Gazetteer, via: str = "direct") -> list[Argument]:
    """Return the actors a noun phrase denotes, looking inside it when its head is no actor.

    "the decision by U.S. President Donald Trump" gives Trump; "Egypt's support"
    gives Egypt; "talks between Israel and the Palestinians" gives both.
    """
    direct = _direct_actors([token], gaz, via)
    if direct or token.lower_ in RELATIONAL_NOUNS:
        return direct
    level = [token]
    for _depth in range(3):
        tiers: list[list[Token]] = [[] for _ in INSIDE_TIERS]
        for tok in level:
            for child in tok.children:
                if child.dep_ == "poss":
                    tiers[1].extend(conjuncts(child))
                elif child.dep_ in ("amod", "compound", "nmod") and names_actor(child, gaz):
                    tiers[2].extend(conjuncts(child))
                elif child.dep_ in ("prep", "agent"):
                    tier = next((n for n, t in enumerate(INSIDE_TIERS) if child.lower_ in t), None)
                    if tier is not None:
                        tiers[tier].extend(_pobjs(child))
                elif child.dep_ == "acl" and not _third_party_act(child):
                    # "sections drafted by Brazil": the agent of a participle (not the
                    # broker of "a deal brokered by Turkey", who is no party to it).
                    tiers[0].extend(passive_agents(child))
        for tier_tokens in tiers:
            found = _direct_actors(tier_tokens, gaz, "inside")
            if found:
                return found
        level = [t for tier_tokens in tiers for t in tier_tokens]
    return []


def subject_tokens(verb: Token) -> tuple[list[Token], bool]:
    """Return the tokens holding the agent of ``verb`` and whether they were inherited."""
    inherited = False
    v = verb
    if _passive_participle(v):
        return passive_agents(v), False  # "a deal brokered by Turkey"
    for _ in range(4):
        if is_passive(v):
            agents = passive_agents(v)
            if agents:
                return agents, inherited
            if inherited:
                # "Wong is expected to meet Peters": the subject of the raising verb acts.
                raised = [t for c in v.children if c.dep_ == "nsubjpass" for t in conjuncts(c)]
                if raised:
                    return raised, inherited
        else:
            subj = [t for c in v.children if c.dep_ in ("nsubj", "csubj") for t in conjuncts(c)]
            # "army chief Abdel Fattah al-Burhan rejected" parsed with two subjects: the
            # title word right before a name is not an actor of its own.
            subj = [t for t in subj if not _title_before_name(t)] or subj
            if subj:
                if subj[0].lower_ in ("who", "that", "which") and v.dep_ == "relcl":
                    return conjuncts(v.head), True
                return subj, inherited
        main = _misattached_conj(v)
        if main is not None:
            # "urged Hamas to go ahead ... and called on both parties": the finite verb
            # is conjoined with "urged", not with the infinitive the parser chose.
            v = main
            inherited = True
            continue
        if v.dep_ == "xcomp" and v.head.lemma_ in OBJECT_CONTROL:
            objs = [t for c in v.head.children if c.dep_ == "dobj" for t in conjuncts(c)]
            if objs:
                return objs, True
        if v.dep_ == "conj" and is_passive(v.head) and not is_passive(v):
            # "Wang was hosted by Han but did not meet Yoon": Wang is the one who did not meet.
            patients = [t for c in v.head.children if c.dep_ == "nsubjpass" for t in conjuncts(c)]
            if patients:
                return patients, True
        if v.dep_ == "pcomp" and v.head.lower_ in CLAUSE_LINKS and v.head.head != v.head:
            v = v.head.head  # "said after meeting X": the verb the preposition hangs on
            inherited = True
            continue
        if v.dep_ in ("xcomp", "conj", "advcl") and v.head != v:
            v = v.head
            inherited = True
            continue
        if v.dep_ in ("acl", "relcl"):
            return conjuncts(v.head), True
        break
    return [], inherited


def _governing_verb(token: Token, hops: int = 4) -> Token | None:
    """Return the nearest verb ``token`` depends on, or None within ``hops`` heads."""
    for _ in range(hops):
        if token.pos_ == "VERB":
            return token
        if token.head == token:
            return None
        token = token.head
    return None


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _misattached_conj(verb: Token) -> Token | None:
    """Return the verb a finite verb really coordinates with, when the parser erred.

    "said forces had fired on the village, and called on Baku": a past-tense verb the
    parser conjoined with a participle or an infinitive inside a complement shares no
    auxiliary with it; it continues the nearest finite clause above ("said").
    """
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in FINITE_TAGS or head.tag_ not in ("VB", "VBN", "VBG"):
        return None
    above = head.head
    for _ in range(8):
        if above.tag_ in FINITE_TAGS and above.pos_ in ("VERB", "AUX"):
            return above
        if above.head == above:
            return None
        above = above.head
    return None


def _title_before_name(token: Token) -> bool:
    """Return True for a common noun followed directly by a person's name."""
    doc = token.doc
    return (
        token.pos_ == "NOUN"
        and token.i + 1 < len(doc)
        and doc[token.i + 1].ent_type_ == "PERSON"
        and doc[token.i + 1].ent_iob_ == "B"
    )


def _prep_objects(head: Token, preps: tuple[str, ...], depth: int = 3) -> list[Token]:
    found: list[Token] = []
    for child in head.children:
        if child.dep_ in ("prep", "prt", "agent", "dative") and child.lower_ in preps:
            found.extend(_pobjs(child))
    if found or depth == 0:
        return found
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in TOPIC_PREPS:
            continue  # "guarantees over the phase-out of Russian gas": a topic, no party
        if child.dep_ in ("dobj", "pobj", "prep", "attr", "oprd"):
            found.extend(_prep_objects(child, preps, depth - 1))
    return found


def _object_tokens(verb: Token) -> list[Token]:
    if is_passive(verb):
        return [t for c in verb.children if c.dep_ == "nsubjpass" for t in conjuncts(c)]
    if _passive_participle(verb):
        return [verb.head]  # "a swap mediated by the UAE": the swap is what is mediated
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    # "He later met Ethiopian Prime Minister Abiy Ahmed": a name the parser hung as npadvmod.
    objects += [
        c for c in verb.rights if c.dep_ == "npadvmod" and c.ent_type_ == "PERSON" and not objects
    ]
    return [t for c in objects for t in conjuncts(c)]


def _passive_participle(verb: Token) -> bool:
    """Return True for a participle modifying a noun with a ``by`` agent ("a deal brokered by")."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and bool(passive_agents(verb))


def _headcount(args: list[Argument] | tuple[Argument, ...]) -> int:
    """Return how many actors the arguments stand for ("the two ministers" counts two)."""
    return sum(a.mention.number if a.mention.kind in ("plural_role", "sides") else 1 for a in args)


def _actors_of(tokens: list[Token], gaz: Gazetteer, via: str = "direct") -> list[Argument]:
    return [a for tok in dict.fromkeys(tokens) for a in actors_in(tok, gaz, via)]


def targets_for(verb: Token, rule: TriggerRule, gaz: Gazetteer) -> list[Argument]:
    """Return the target actors of a verb trigger under ``rule``, trying its slots in order."""
    slot_tokens: list[Token] = []
    for slot in rule.target_slots:
        tokens = _object_tokens(verb) if slot == "obj" else _prep_objects(verb, (slot,))
        found = _actors_of(tokens, gaz)
        if found:
            return found
        slot_tokens.extend(tokens)
    if reacts_to_acts(rule.cameo):
        # "Seoul condemned the launch": the target is whoever launched, found later;
        # "in a swap mediated by the UAE": whoever swapped, told just before.
        acts = [
            Argument(act_mention(t), "direct")
            for t in slot_tokens
            if is_act_reference(t) or (_passive_participle(verb) and t == verb.head)
        ]
        if acts:
            return acts
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
        if child.dep_ not in embedded_deps:
            continue
        embedded = [t for c in child.children if c.dep_ == "nsubj" for t in conjuncts(c)]
        found = _actors_of(embedded, gaz, "inside") or _actors_of(
            _object_tokens(child), gaz, "inside"
        )
        # "offered to mediate between Burhan and Dagalo": the embedded trigger's own slots.
        for inner in rules_for(child.lemma_, "V"):
            if found:
                break
            found = [
                Argument(a.mention, "inside")
                for slot in inner.preps
                for a in _actors_of(_prep_objects(child, (slot,), depth=0), gaz)
            ]
        if found:
            return found
        nested = [
            t
            for c in child.children
            if c.dep_ in ("ccomp", "xcomp")
            for s in c.children
            if s.dep_ == "nsubj"
            for t in conjuncts(s)
        ]
        found = _actors_of(nested, gaz, "inside")
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


def _trigger_text(trigger: Token, extra: list[Token]) -> str:
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
        if child.dep_ == "prep" and child.lower_ == "as":
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
    objects = {o.lemma_.lower() for o in _object_tokens(verb)}
    rules = tuple(r for r in rules_for(verb.lemma_, "V") if r.obj is None or r.obj in objects)
    specific = tuple(r for r in rules if r.obj is not None)
    return specific or rules


def verb_candidate(verb: Token, gaz: Gazetteer) -> Candidate | None:
    """Return the event a verb trigger expresses, or None when it lacks actors."""
    rules = _judgement_rules(verb) or _object_rules(verb)
    if not rules or is_absorbed(verb):
        return None
    subj_tokens, inherited = subject_tokens(verb)
    sources = [
        Argument(a.mention, "inherited" if inherited else a.via)
        for a in _actors_of(subj_tokens, gaz)
    ]
    if not sources and verb.dep_ == "conj" and verb.head.dep_ == "relcl":
        # "condemned the launch as a provocation that violated ... and urged Pyongyang":
        # the relative clause's noun is no actor, so the conjunct continues the main clause.
        outer = _governing_verb(verb.head.head)
        subj_tokens = subject_tokens(outer)[0] if outer is not None else []
        sources = [Argument(a.mention, "inherited") for a in _actors_of(subj_tokens, gaz)]
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
                _trigger_text(verb, preps[:1]),
                rule,
                tuple(sources),
                tuple(targets),
                False,
                verb,
            )
    # "Egypt and Russia agreed ...", "the three pledged to deepen cooperation": with no
    # target, a symmetric or cooperative act by several agents is among them.
    pair_rule = next((r for r in rules if "with" in r.preps or r.cameo[:2] in INTENT_ROOTS), None)
    mutual = pair_rule is not None and (
        pair_rule.cameo[:2] in PAIRWISE_ROOTS or verb.lemma_ in RECIPROCAL_VERBS
    )
    if pair_rule and _headcount(sources) >= 2 and mutual:
        return Candidate(verb, verb.text, pair_rule, tuple(sources), (), True, verb)
    return None


def _noun_sources(noun: Token, gaz: Gazetteer) -> tuple[list[Argument], Token]:
    """Return the agents of a noun trigger and the token that anchors its clause."""
    # "reaffirmed France's support for Armenia": restating makes the noun an act.
    light_head = noun.dep_ == "dobj" and noun.head.lemma_ in RESTATING_VERBS
    for child in noun.children:
        if child.dep_ == "poss" and (found := _direct_actors(conjuncts(child), gaz, "direct")):
            return found, noun.head if light_head else noun
    for child in noun.children:
        if child.dep_ in ("prep", "agent") and child.lower_ == "by":
            found = _direct_actors(_pobjs(child), gaz, "direct")
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
    if light or context:
        verb = head if light else head.head
        subj, inherited = subject_tokens(verb)
        args = _actors_of(subj, gaz)
        return [Argument(a.mention, "inherited" if inherited else a.via) for a in args], verb
    for child in noun.children:
        if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE"):
            return _direct_actors(conjuncts(child), gaz, "direct"), noun
    return [], noun


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
        between = _prep_objects(noun, ("between",), depth=0)
        if "between" in rule.preps and len(between) >= 2 and not sources:
            pair = _direct_actors(between, gaz, "pair")
            if len(pair) >= 2:
                return Candidate(noun, noun.text, rule, tuple(pair), (), True, anchor)
        if not sources:
            continue
        heads = [noun] if anchor == noun else [noun, anchor]
        for head in heads:
            toks = _prep_objects(head, tuple(p for p in rule.preps if p != "between"), depth=2)
            if rule.modality == "requested" and head == noun:
                # "Baku's demand that Armenia remove ...", "its call for China to release"
                toks += _clause_subjects(noun)
            targets = _actors_of(toks, gaz)
            if targets:
                extra = [anchor] if anchor != noun else []
                return Candidate(
                    noun,
                    _trigger_text(noun, extra),
                    rule,
                    tuple(sources),
                    tuple(targets),
                    False,
                    anchor,
                )
    # "Modi and Albanese held their annual summit": a meeting among the conjoined agents.
    pair_rule = next((r for r in rules if "with" in r.preps or "between" in r.preps), None)
    if pair_rule and _headcount(sources) >= 2 and pair_rule.cameo[:2] in PAIRWISE_ROOTS:
        return Candidate(
            noun, _trigger_text(noun, [anchor]), pair_rule, tuple(sources), (), True, anchor
        )
    return None


def candidates(sentence: Span, gaz: Gazetteer) -> Iterator[Candidate]:
    """Yield the event candidates of one parsed sentence, in trigger order."""
    for tok in sentence:
        if tok.pos_ == "VERB":
            cand = verb_candidate(tok, gaz)
        elif tok.pos_ in ("NOUN", "PROPN"):
            cand = noun_candidate(tok, gaz)
        else:
            cand = None
        if cand is not None:
            yield cand
