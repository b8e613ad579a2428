"""Argument finding: the tokens and actors that fill a trigger's source and target slots.

Works on the dependency parse of one sentence. A verb's source is its subject, the
``by`` agent of its passive, or the subject of the verb it depends on
(``subject_tokens``); its target is its object or the object of a preposition
(``object_tokens``, ``prep_objects``). A noun phrase whose head is no actor is looked
through (``actors_in``): "the decision by Trump" gives Trump, "Egypt's support" Egypt.
"""

from dataclasses import replace

from spacy.tokens import Token

from diplograph.ingest.events import Argument
from diplograph.ingest.gazetteer import Gazetteer
from diplograph.ingest.lexicon import rules_for
from diplograph.ingest.mentions import conjoined_countries, mention_at
from diplograph.ingest.types import Mention
from diplograph.ingest.wordlists import wordlist

RAISING_PREDICATES = wordlist("raising_predicates")
OBJECT_CONTROL = wordlist("object_control")
RELATIONAL_NOUNS = wordlist("relational_nouns")
REPORT_VERBS = wordlist("report_verbs")
SPEAKER_VERBS = wordlist("speaker_verbs")
# "a member of Hamas", "a Fatah official": an appositive naming the body one belongs to.
MEMBER_NOUNS = wordlist("member_nouns")
# Roles up to this rank (mayor, governor) are local officials: an appositive body is their side.
LOCAL_RANK = 3
# What is looked through inside a noun phrase, by priority: an agent ("the decision by
# Trump"), a possessor, a modifier, then other complements ("in" is left out: places).
INSIDE_TIERS: tuple[frozenset[str], ...] = (
    frozenset({"by"}),
    frozenset(),  # possessors: "Sweden's NATO membership"
    frozenset(),  # modifiers naming a state or body: "the Israeli decision"
    frozenset({"of", "between", "with", "from", "against", "for"}),
)
# Prepositions whose -ing clause shares the main clause's subject ("said after meeting X");
# not "accused X of helping" or "thanked X for helping", where X is the one who helps.
CLAUSE_LINKS = frozenset(
    {"after", "before", "by", "while", "since", "upon", "following", "without"}
)
TOPIC_PREPS = frozenset({"about", "over", "on", "regarding", "concerning"})
PLURAL_ACTOR_KINDS = frozenset({"state", "people", "group", "plural_role", "organization"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def conjuncts(token: Token) -> list[Token]:
    """Return ``token`` and the tokens conjoined with it, in sentence order."""
    others = [_name_after_title(c) for c in token.conjuncts]
    return sorted({token, *others, *_buried_names(token), *_listed_appositions(token)}, key=_at)


def _at(token: Token) -> int:
    return token.i


def _listed_appositions(token: Token) -> list[Token]:
    """Return the rest of a list the parser hung on its first item as an apposition.

    "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt" is parsed with the
    Emirates in apposition to Saudi Arabia and the others conjoined with it: an
    apposition of the same kind of name that goes on with conjuncts is a list.
    """
    if not token.ent_type_:
        return []
    return [
        t
        for c in token.children
        if c.dep_ == "appos" and c.ent_type_ == token.ent_type_ and c.conjuncts
        for t in (c, *c.conjuncts)
    ]


TITLE_DEPS = frozenset({"compound", "nmod", "amod"})


def _name_after_title(token: Token) -> Token:
    """Return the name a conjoined title word stands before, else ``token`` itself.

    "Manmohan Singh and Pakistani Prime Minister Yousuf Raza Gilani" is parsed with
    "Minister" as the conjunct and "Gilani" hung elsewhere: the name right after the
    title word is the conjunct.
    """
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if token.ent_type_ or after is None or after.ent_type_ != "PERSON" or after.ent_iob_ != "B":
        return token
    name = next((e for e in doc.ents if e.start == after.i), None)
    return name.root if name is not None and name.root.dep_ == "appos" else token


def _buried_names(token: Token) -> list[Token]:
    """Return the names the parser buried in the title of a coordinated name.

    "Indian Prime Minister Atal Behari Vajpayee and Pakistani Prime Minister Nawaz
    Sharif" is parsed with "Vajpayee" as a modifier of the second "Minister": a name
    inside a person's title words, followed by "and", is a conjunct of its own.
    """
    if token.ent_type_ != "PERSON":
        return []
    doc, found = token.doc, []
    stack = [c for c in token.children if c.dep_ in TITLE_DEPS]
    while stack:
        tok = stack.pop()
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if tok.ent_type_ == "PERSON" and after is not None and after.lower_ == "and":
            found.append(tok)
        stack.extend(c for c in tok.children if c.dep_ in TITLE_DEPS)
    return found


def is_passive(verb: Token) -> bool:
    """Return True when ``verb`` is in the passive voice."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def pobjs(prep: Token) -> list[Token]:
    """Return the objects of a preposition ("talks with Egypt and Jordan" gives both)."""
    return [t for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in conjuncts(c)]


def passive_agents(verb: Token) -> list[Token]:
    """Return the tokens of a passive verb's ``by`` agent ("signed by Shoigu" gives Shoigu)."""
    return [t for c in verb.children if c.dep_ == "agent" for t in pobjs(c)]


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


def _member_of(token: Token, gaz: Gazetteer) -> Mention | None:
    """Return the group or body an appositive says ``token`` belongs to ("a member of X").

    The appositive may hang on the noun or on its "of" place ("the mayor of Rafah, a
    member of Hamas"); its noun is a member noun with an "of" or compound body.
    """
    heads = [token, *(p for c in token.children if c.lower_ == "of" for p in pobjs(c))]
    for head in heads:
        for appos in head.children:
            if appos.dep_ != "appos" or appos.lemma_.lower() not in MEMBER_NOUNS:
                continue
            bodies = [c for c in appos.children if c.dep_ in ("compound", "poss")]
            bodies += [p for c in appos.children if c.lower_ == "of" for p in pobjs(c)]
            for body in bodies:
                m = mention_at(body, gaz)
                if m is not None and m.kind in ("group", "organization"):
                    return m
    return None


def direct_actors(tokens: list[Token], gaz: Gazetteer, via: str) -> list[Argument]:
    """Return the actors ``tokens`` themselves name, each argument marked ``via``.

    "them" stands for the earlier plural actor it refers to, and a title with a name in
    apposition ("his counterpart, Cho Tae-yul") for the person named.
    """
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
        if m is None or (m.kind == "role" and m.rank <= LOCAL_RANK):
            # "the mayor of Rafah, a member of Hamas": a local official acts for his group.
            m = _member_of(t, gaz) or m
        if m is not None and m.kind != "place":
            extra = conjoined_countries(t, m, gaz)
            first = next((c for c in t.children if c.dep_ == "amod" and c.conjuncts), None)
            if extra and first is not None and m.kind in ("group", "people"):
                # "Dutch and Canadian activists": the first are the Dutch activists.
                m = replace(m, name=f"{first.text} {t.lower_}")
            found.extend(Argument(x, via) for x in (m, *extra))
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
    direct = direct_actors([token], gaz, via)
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
                        tiers[tier].extend(pobjs(child))
                elif child.dep_ == "acl" and not _third_party_act(child):
                    # "sections drafted by Brazil": the agent of a participle (not the
                    # broker of "a deal brokered by Turkey", who is no party to it).
                    tiers[0].extend(passive_agents(child))
        for tier_tokens in tiers:
            found = direct_actors(tier_tokens, gaz, "inside")
            if found:
                return found
        level = [t for tier_tokens in tiers for t in tier_tokens]
    return []


def actors_of(tokens: list[Token], gaz: Gazetteer, via: str = "direct") -> list[Argument]:
    """Return the actors the noun phrases headed by ``tokens`` denote (``actors_in`` each)."""
    return [a for tok in dict.fromkeys(tokens) for a in actors_in(tok, gaz, via)]


def headcount(args: list[Argument] | tuple[Argument, ...]) -> int:
    """Return how many actors the arguments stand for ("the two ministers" counts two)."""
    return sum(a.mention.number if a.mention.kind in ("plural_role", "sides") else 1 for a in args)


def subject_tokens(verb: Token) -> tuple[list[Token], bool]:
    """Return the tokens holding the agent of ``verb`` and whether they were inherited."""
    inherited = False
    v = verb
    if passive_participle(v):
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
        main = misattached_conj(v)
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
        if (
            v.dep_ == "pcomp"
            and v.head.lower_ in CLAUSE_LINKS
            and v.head.head != v.head
            and not _means_of_an_object(v.head)
        ):
            v = v.head.head  # "said after meeting X": the verb the preposition hangs on
            inherited = True
            continue
        if v.dep_ in ("xcomp", "conj", "advcl") and v.head != v:
            v = v.head
            inherited = True
            continue
        if v.dep_ in ("acomp", "advmod") and v.lower_ in RAISING_PREDICATES and v.head != v:
            v = v.head  # "Brazil is about to restore ties": the subject of "is" acts
            inherited = True
            continue
        if v.dep_ in ("acl", "relcl"):
            return conjuncts(v.head), True
        break
    return [], inherited


def _means_of_an_object(prep: Token) -> bool:
    """Return True for a "by" whose verb has an object that may be the one acting.

    "retaliated by expelling": the subject expels; "accused France of fuelling it by
    supplying weapons", parsed with "by" on "accused": France supplies, not the accuser.
    """
    return prep.lower_ == "by" and any(c.dep_ == "dobj" for c in prep.head.children)


def misattached_conj(verb: Token) -> Token | None:
    """Return the verb a finite verb really coordinates with, when the parser erred.

    "said forces had fired on the village, and called on Baku": a past-tense verb the
    parser conjoined with a participle or an infinitive inside a complement shares no
    auxiliary with it; it continues the nearest finite clause above ("said").
    """
    head = verb.head
    if verb.dep_ == "conj" and verb.tag_ in FINITE_TAGS and _after_reported_verdict(verb):
        return head.head
    if verb.dep_ != "conj" or verb.tag_ not in FINITE_TAGS or head.tag_ not in ("VB", "VBN", "VBG"):
        return None
    if _shares_auxiliary(head, verb):
        return None  # "had shadowed and blocked the ship": one subject, one auxiliary
    above = head.head
    for _ in range(8):
        if above.tag_ in FINITE_TAGS and above.pos_ in ("VERB", "AUX"):
            return above
        if above.head == above:
            return None
        above = above.head
    return None


def _after_reported_verdict(verb: Token) -> bool:
    """Return True for a speaking verb the parser conjoined with a reported copula.

    "said Russia's actions were unacceptable and called on Moscow to ...": "called"
    continues "said", not "were"; a verb of speaking to someone does not go on with
    the subject of a verdict ("actions").
    """
    head = verb.head
    return (
        verb.lemma_ in SPEAKER_VERBS
        and head.lemma_ == "be"
        and head.dep_ == "ccomp"
        and head.head.lemma_ in REPORT_VERBS
    )


def _shares_auxiliary(head: Token, verb: Token) -> bool:
    """Return True when ``verb`` is tightly coordinated under ``head``'s active auxiliary.

    "had shadowed and blocked" shares "had"; "had fired on the village, damaging a
    house, and called on Baku" (set off by commas), "could be held, but accused" (a
    passive) and a conjunct far from its head do not.
    """
    children = list(head.children)
    # Only "had shadowed and blocked" can share: a past form after "would escalate and"
    # cannot share the modal, so "urged" there starts a clause of its own.
    has_aux = any(c.dep_ == "aux" and c.lemma_ == "have" and c.i < head.i for c in children)
    passive = any(c.dep_ == "auxpass" for c in children)
    comma = any(c.dep_ == "punct" and c.text == "," and head.i < c.i < verb.i for c in children)
    # "had met and discussed" is tight; "said the diplomats had engaged in activities
    # incompatible with their status and summoned the ambassador" is not.
    tight = verb.i - head.i <= 3
    return has_aux and not passive and not comma and tight


def _title_before_name(token: Token) -> bool:
    """Return True for a common noun followed directly by a person's name."""
    doc = token.doc
    return (
        token.pos_ == "NOUN"
        and token.i + 1 < len(doc)
        and doc[token.i + 1].ent_type_ == "PERSON"
        and doc[token.i + 1].ent_iob_ == "B"
    )


def passive_participle(verb: Token) -> bool:
    """Return True for a participle modifying a noun with a ``by`` agent ("a deal brokered by")."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and bool(passive_agents(verb))


def object_tokens(verb: Token) -> list[Token]:
    """Return the tokens holding what ``verb`` acts on: its object, or its passive subject."""
    if is_passive(verb):
        return [t for c in verb.children if c.dep_ == "nsubjpass" for t in conjuncts(c)]
    if passive_participle(verb):
        return [verb.head]  # "a swap mediated by the UAE": the swap is what is mediated
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if not objects and object_gap(verb):
        return [verb.head]  # "a ruling Caracas rejected": the ruling is what was rejected
    if not objects and (named := what_it_called(verb)):
        return named
    # "He later met Ethiopian Prime Minister Abiy Ahmed": a name the parser hung as npadvmod.
    objects += [
        c for c in verb.rights if c.dep_ == "npadvmod" and c.ent_type_ == "PERSON" and not objects
    ]
    return [t for c in objects for t in conjuncts(c)]


def clause_subjects(head: Token, deps: tuple[str, ...] = ("ccomp", "xcomp")) -> list[Token]:
    """Return the subjects of the clauses ``head`` governs through ``deps``, conjuncts too."""
    return [
        t
        for c in head.children
        if c.dep_ in deps
        for s in c.children
        if s.dep_ == "nsubj"
        for t in conjuncts(s)
    ]


def what_it_called(verb: Token) -> list[Token]:
    """Return the noun of "condemned [what it called a hostile act]": the act condemned."""
    for clause in verb.children:
        if clause.dep_ != "ccomp" or not any(
            c.dep_ == "dobj" and c.lower_ == "what" for c in clause.children
        ):
            continue
        return [c for c in clause.children if c.dep_ in ("oprd", "attr")]
    return []


def object_gap(verb: Token) -> bool:
    """Return True for a relative clause whose object is the noun it modifies.

    "a ruling Caracas rejected", "the charge Yerevan dismissed": the clause has a subject
    of its own and no object, so the noun is its object.
    """
    if verb.dep_ != "relcl" or verb.head.pos_ != "NOUN":
        return False
    children = list(verb.children)
    own_subject = any(
        c.dep_ == "nsubj" and c.lower_ not in ("who", "which", "that") for c in children
    )
    return own_subject and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in children)


def prep_objects(head: Token, preps: tuple[str, ...], depth: int = 3) -> list[Token]:
    """Return the objects of the prepositions ``preps`` on ``head``, or below it.

    When ``head`` has none, its objects and prepositional phrases are searched, up to
    ``depth`` levels down, skipping topics ("guarantees over ...").
    """
    found: list[Token] = []
    for child in head.children:
        if child.dep_ in ("prep", "prt", "agent", "dative") and child.lower_ in preps:
            found.extend(pobjs(child))
    if found or depth == 0:
        return found
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in TOPIC_PREPS:
            continue  # "guarantees over the phase-out of Russian gas": a topic, no party
        if child.dep_ in ("dobj", "pobj", "prep", "attr", "oprd"):
            found.extend(prep_objects(child, preps, depth - 1))
    return found
