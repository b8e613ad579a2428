"""Mentions: what an argument token denotes before discourse resolution.

A mention is read off one token (the head of a noun phrase) and its dependents:
a named person with title and nationality, a country (by name, demonym or
capital), an organization, a typed state actor ("the Egyptian military"), a
non-state group ("Islamic militants"), a role ("the Russian president"), a
plural role ("both presidents") or a personal pronoun.
"""

from dataclasses import replace

from spacy.tokens import Span, Token

from diplograph.ingest.gazetteer import Country, Gazetteer
from diplograph.ingest.modifiers import (
    ACTOR_ENTS,
    clause_place_country,
    country_token,
    located_country,
    modifier_country,
    modifier_org,
    role_in,
)
from diplograph.ingest.persons import person_mention, title_prefix
from diplograph.ingest.spans import entity_span, np_text
from diplograph.ingest.types import Mention
from diplograph.ingest.wordlists import wordlist

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
MILITARY_NOUNS = wordlist("military_nouns")
GOVERNMENT_NOUNS = wordlist("government_nouns")
# Nouns for people of a country ("Thai nationals", "Palestinian prisoners").
PEOPLE_NOUNS = wordlist("people_nouns")
GROUP_NOUNS = wordlist("group_nouns")
BODY_NOUNS = wordlist("body_nouns")
PLACE_WORDS = wordlist("place_words")
# Group nouns for people of a place, not armed groups: "protesters in Cairo" are in Egypt.
CIVIL_GROUP_NOUNS = wordlist("civil_group_nouns")
# Sectors of agents (generated/agents.tsv) that act where they are: "police in Lahore".
LOCAL_SECTORS = frozenset({"government", "opposition", "civilians", "activists"})
# "both sides", "the two countries": the two main actors of the story so far.
SIDE_NOUNS = frozenset({"side", "party", "country", "nation", "government", "state"})
PLURAL_NUMBERS = {"both": 2, "two": 2, "three": 3, "four": 4}


def mention_at(token: Token, gaz: Gazetteer) -> Mention | None:
    """Return what ``token`` (a noun phrase head) denotes as an actor, or None if nothing.

    Every stage asks about the same tokens, so the answer is kept with the parse.
    """
    cache: dict[int, Mention | None] = token.doc.user_data.setdefault(
        f"diplograph.mentions.{id(gaz)}", {}
    )
    if token.i not in cache:
        cache[token.i] = _mention_at(token, gaz)
    found: Mention | None = cache[token.i]
    return found


def _mention_at(token: Token, gaz: Gazetteer) -> Mention | None:
    lower = token.lower_
    if lower in PERSON_PRONOUNS and token.pos_ == "PRON":
        return Mention(kind="pronoun", text=token.text, token_index=token.i, type="person")
    if lower == "we" and token.pos_ == "PRON":
        return Mention(kind="we", text=token.text, token_index=token.i, type="group")
    if lower == "they" and token.pos_ == "PRON":
        return Mention(kind="they", text=token.text, token_index=token.i, type="group")
    if lower in ("it", "its") and token.pos_ == "PRON":
        return Mention(kind="it", text=token.text, token_index=token.i, type="organization")
    ent = entity_span(token)
    if ent is not None and ent.label_ == "PERSON" and len(ent) == 1:
        # "Kyiv" tagged PERSON: a one-word name the gazetteer knows as a state or capital.
        place = _named_mention(Span(token.doc, ent.start, ent.end, label="GPE"), token, gaz)
        if place is not None and place.kind == "country":
            return place
    if ent is not None and ent.label_ == "PERSON" and _names_a_place(ent):
        # "Scarborough Shoal", "the village of Khnatsakh" tagged PERSON
        return Mention(
            kind="place", text=ent.text, token_index=token.i, type="place", place=ent.text
        )
    if ent is not None and ent.label_ == "PERSON":
        return person_mention(ent, gaz)
    if ent is not None and ent.label_ == "ORG" and _names_a_role_holder(ent, gaz):
        # "her Ukrainian counterpart, Dmytro Lubinets" with the name tagged ORG.
        return person_mention(Span(token.doc, ent.start, ent.end, label="PERSON"), gaz)
    if ent is not None and ent.label_ in ACTOR_ENTS:
        named = _named_mention(ent, token, gaz)
        if named is not None:
            return named
    common = _common_noun_mention(token, gaz)
    if common is not None or ent is not None or token.pos_ != "PROPN":
        return common
    # A proper name the tagger left out ("Kyiv"): the gazetteer may know it.
    words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    span = token.doc[words[0].i if words else token.i : token.i + 1]
    named = _named_mention(span, token, gaz)
    if named is not None and named.kind != "place":
        return named
    if gaz.known_person(span.text) is not None:
        # "Araghchi said" with no entity tag: a well-known figure.
        return person_mention(Span(token.doc, span.start, span.end, label="PERSON"), gaz)
    # An untagged proper name: may be a person of the article ("Wang held talks").
    return Mention(
        kind="name", text=token.text, token_index=token.i, type="person", name=token.text
    )


def _names_a_place(ent: Span) -> bool:
    """Return True for a name ending in a place word or naming "the village of" something."""
    if ent[-1].lower_ in PLACE_WORDS:
        return True
    root = ent.root
    while root.dep_ == "conj" and root.head != root:
        root = root.head  # "the ports of Hodeidah, Ras Isa and Salif"
    of = root.head if root.dep_ == "pobj" else None
    return of is not None and of.lower_ == "of" and of.head.lemma_.lower() in PLACE_WORDS


def _leading_country(ent: Span, gaz: Gazetteer) -> Country | None:
    """Return the state an unknown body's name starts with ("the U.S. Treasury"), or None."""
    words = [t.text for t in ent if t.i < ent.root.i and t.lower_ != "the"]
    for end in range(len(words), 0, -1):
        country = gaz.country(" ".join(words[:end]))
        if country is not None:
            return country
    return None


def _names_a_role_holder(ent: Span, gaz: Gazetteer) -> bool:
    """Return True for an unknown two-word name in apposition to a title ("counterpart, X Y")."""
    root = ent.root
    return (
        root.dep_ == "appos"
        and len(ent) >= 2
        and all(t.pos_ == "PROPN" for t in ent)
        and gaz.organization(ent.text) is None
        and gaz.role_ending([root.head.text]) is not None
    )


def _named_mention(ent: Span, token: Token, gaz: Gazetteer) -> Mention | None:
    text = ent.text.removeprefix("the ").removeprefix("The ")
    org = gaz.organization(text)
    if org is not None:
        kind = "group" if org.type == "group" else "organization"
        return Mention(
            kind=kind,
            text=ent.text,
            token_index=token.i,
            type=org.type,
            name=org.name,
            country=org.country,
        )
    country = gaz.country(text)
    if country is not None and ent.label_ == "NORP" and token.tag_ in ("NNPS", "NNS"):
        # "the Palestinians": the people, named as the text names them.
        return Mention(
            kind="people",
            text=ent.text,
            token_index=token.i,
            type="group",
            name=text,
            country=country.iso3,
        )
    capital = None if country is not None else gaz.capital(text)
    if country is None and capital is None and token.dep_ not in ("nsubj", "nsubjpass"):
        # "shelled Kharkiv", "a visit to Latakia": a known city is a place of its state;
        # unlike a capital it does not speak for it ("Kharkiv said" names no actor).
        capital = gaz.city(text)
    state = country or capital
    if state is not None:
        # A capital stands for its state ("Moscow said"); it is also a place ("a visit to Cairo").
        return Mention(
            kind="country",
            text=ent.text,
            token_index=token.i,
            type="country",
            name=state.name,
            country=state.iso3,
            place=text if capital is not None else None,
        )
    if ent.label_ in ("ORG", "GPE", "NORP") and gaz.role_ending(
        [t.text for t in title_prefix(ent)]
    ):
        # "Chancellor Olaf Scholz" tagged ORG: a title before a name makes it a person.
        return person_mention(ent, gaz)
    if gaz.known_person(text) is not None and ent.label_ in ("ORG", "GPE", "NORP"):
        # "Trump said" with the name tagged ORG: a well-known figure is a person.
        return person_mention(Span(token.doc, ent.start, ent.end, label="PERSON"), gaz)
    if ent.label_ == "ORG":
        country_mod = modifier_country(ent.root, gaz) or _leading_country(ent, gaz)
        if country_mod is not None:
            # "Brazil's Amazon Fund": an unknown body of a state is coded as that state.
            return Mention(
                kind="state",
                text=ent.text,
                token_index=token.i,
                type="government",
                name=country_mod.name,
                country=country_mod.iso3,
            )
        return Mention(
            kind="organization",
            text=ent.text,
            token_index=token.i,
            type="organization",
            name=text,
            country=country_mod.iso3 if country_mod else None,
        )
    if ent.label_ in ("GPE", "LOC", "FAC"):
        # A city or region that is not a capital: a place whose country an appositive may name.
        country_mod = next(
            (
                c
                for child in ent.root.children
                if child.dep_ in ("appos", "conj", "npadvmod")
                if (c := country_token(child, gaz))
            ),
            None,
        )
        # A one-word name may also be a person the tagger took for a place ("Modi").
        return Mention(
            kind="name" if len(ent) == 1 and token.pos_ == "PROPN" else "place",
            text=ent.text,
            token_index=token.i,
            type="place",
            name=text,
            country=country_mod.iso3 if country_mod else None,
            place=text,
        )
    if len(ent) == 1 and token.pos_ == "PROPN":
        # A NORP the gazetteer does not know ("Albanese"): possibly a person's name.
        return Mention(kind="name", text=ent.text, token_index=token.i, type="person", name=text)
    return None


def _common_noun_mention(token: Token, gaz: Gazetteer) -> Mention | None:
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in ("compound", "amod"):
        return None
    lower, lemma = token.lower_, token.lemma_.lower()
    if lemma in SIDE_NOUNS and token.tag_ == "NNS":
        count = next(
            (PLURAL_NUMBERS[c.lower_] for c in token.children if c.lower_ in PLURAL_NUMBERS), 0
        )
        if count == 2:
            # "both sides", "the two countries": the two main actors of the story so far.
            states = lemma in ("country", "nation", "state", "government")
            return Mention(
                kind="sides",
                text=np_text(token),
                token_index=token.i,
                type="country" if states else "organization",
                number=2,
            )
    country = modifier_country(token, gaz) or _whose_country(token, gaz)
    if lemma in GOVERNMENT_NOUNS and lower not in GOVERNMENT_NOUNS:
        lower = lemma if lemma != "authority" else "authorities"
    organ = lower in MILITARY_NOUNS or lower in GOVERNMENT_NOUNS or lemma in GROUP_NOUNS
    if organ and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token.children):
        # "its fighters", "its military": the organs of the state or body "it" refers to.
        return Mention(kind="it", text=np_text(token), token_index=token.i, type="organization")
    if lower in MILITARY_NOUNS or lower in GOVERNMENT_NOUNS:
        body = _org_mention(token, gaz)
        if body is not None:
            return body
        country = country or located_country(token, gaz)
        if country is None and lower not in MILITARY_NOUNS:
            # "Police arrested dozens of protesters in Cairo": the police are Egypt's.
            country = clause_place_country(token, gaz)
        if country is None:
            return None
        sector = "military" if lower in MILITARY_NOUNS else "government"
        return Mention(
            kind="state",
            text=np_text(token),
            token_index=token.i,
            type=sector,
            name=_state_name(token, country, lower, gaz),
            country=country.iso3,
        )
    if lemma in GROUP_NOUNS | PEOPLE_NOUNS | BODY_NOUNS or lower in GOVERNMENT_NOUNS:
        org = modifier_org(token, gaz)
        if org is not None:
            # "Hamas gunmen", "a Hamas delegation": the organization acts.
            return Mention(
                kind="group" if org.type == "group" else "organization",
                text=np_text(token),
                token_index=token.i,
                type=org.type,
                name=org.name,
                country=org.country,
            )
    if lemma in PEOPLE_NOUNS and country is not None:
        return Mention(
            kind="people",
            text=np_text(token),
            token_index=token.i,
            type="group",
            name=np_text(token),
            country=country.iso3,
        )
    named = any(c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "GPE") for c in token.lefts)
    if lemma in BODY_NOUNS and not named and any(c.lower_ == "the" for c in token.children):
        # "the militant group", "the bloc": a body named earlier in the article.
        return Mention(
            kind="body_ref",
            text=np_text(token),
            token_index=token.i,
            type="organization",
            country=country.iso3 if country else None,
        )
    if lemma in CIVIL_GROUP_NOUNS and country is None:
        country = located_country(token, gaz) or clause_place_country(token, gaz)
    if lemma in GROUP_NOUNS:
        return Mention(
            kind="group",
            text=np_text(token),
            token_index=token.i,
            type="group",
            name=np_text(token),
            country=country.iso3 if country else None,
        )
    role = role_in(list(token.doc[token.left_edge.i : token.i + 1]), gaz)
    if role is None and token.tag_ == "NNS":
        singular = [t.text for t in token.doc[token.left_edge.i : token.i]] + [token.lemma_]
        role = gaz.role_ending(singular)
    if role is None:
        return _agent_mention(token, gaz, country)
    number = next(
        (PLURAL_NUMBERS[c.lower_] for c in token.children if c.lower_ in PLURAL_NUMBERS), 0
    )
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
    if token.tag_ == "NNS" or indefinite:
        definite = any(
            c.lower_ in ("the", "both", "these", "those") or c.dep_ == "poss"
            for c in token.children
        )
        # "a senior al Qaeda commander", "an Israeli official": someone of a body or
        # state the article never names, who acts for it.
        if not number or not definite or indefinite:
            # "EU foreign ministers", "two M23 commanders": the body or state they act for;
            # "the two ministers" are people the article has named.
            body = _org_mention(token, gaz)
            if body is not None or country is None:
                return body
            return Mention(
                kind="state",
                text=np_text(token),
                token_index=token.i,
                type="government",
                name=_state_name(token, country, token.lower_, gaz),
                country=country.iso3,
            )
        return Mention(
            kind="plural_role",
            text=np_text(token),
            token_index=token.i,
            type="person",
            role=role[0].role,
            rank=role[0].rank,
            number=number,
            country=country.iso3 if country else None,
        )
    return Mention(
        kind="role",
        text=np_text(token),
        token_index=token.i,
        type="person",
        role=role[0].role,
        rank=role[0].rank,
        country=country.iso3 if country else None,
    )


def _agent_mention(token: Token, gaz: Gazetteer, country: Country | None) -> Mention | None:
    """Return the actor a sector noun of a state names ("Kenyan court", "police in Lahore").

    The coding dictionary's agents (``generated/agents.tsv``) give the kind of actor: a
    state organ (government, military) is named like the state's other organs; armed
    groups, opposition, civilians, activists, business and media are people of the
    state. With no state named on the noun, agents that act where they are take the
    state of an "in <place>" phrase on the noun or its clause; otherwise None.
    """
    words = [t.text for t in token.doc[token.left_edge.i : token.i]]
    found = gaz.agent_ending([*words, token.lower_]) or gaz.agent_ending([*words, token.lemma_])
    if found is None:
        return None
    agent, _ = found
    if country is None and agent.sector in LOCAL_SECTORS:
        country = located_country(token, gaz)
        if agent.sector != "civilians":
            # "Police arrested protesters in Cairo"; not "rebels killed civilians in Goma".
            country = country or clause_place_country(token, gaz)
    if country is None:
        return None
    if agent.sector in ("government", "military"):
        # "Kenyan court", "Russian servicemen": an organ of the state, under the state's name.
        return Mention(
            kind="state",
            text=np_text(token),
            token_index=token.i,
            type=agent.sector,
            name=country.name,
            country=country.iso3,
        )
    return Mention(
        kind="group" if agent.sector == "group" else "people",
        text=np_text(token),
        token_index=token.i,
        type="organization" if agent.sector in ("business", "media") else "group",
        name=np_text(token),
        country=country.iso3,
    )


def _whose_country(head: Token, gaz: Gazetteer) -> Country | None:
    """Return the country of the antecedent of "whose" on ``head`` ("Albares, whose government")."""
    if not any(c.lower_ == "whose" for c in head.children) or head.head.dep_ != "relcl":
        return None
    antecedent = entity_span(head.head.head)
    if antecedent is None or antecedent.label_ != "PERSON":
        return None
    country = person_mention(antecedent, gaz).country
    return gaz.by_iso3.get(country) if country is not None else None


def _org_mention(token: Token, gaz: Gazetteer) -> Mention | None:
    org = modifier_org(token, gaz)
    if org is None:
        return None
    return Mention(
        kind="group" if org.type == "group" else "organization",
        text=np_text(token),
        token_index=token.i,
        type=org.type,
        name=org.name,
        country=org.country,
    )


def _state_name(head: Token, country: Country, noun: str, gaz: Gazetteer) -> str:
    """Return how the text names a state's organ: "Russian military" when a demonym or a
    country name modifies the noun, else the country's name ("the forces of Russia")."""
    for child in head.children:
        if child.dep_ in ("amod", "compound", "nmod") and country_token(child, gaz) == country:
            ent = entity_span(child)
            first = ent.start if ent is not None else child.i
            # "the Chinese commerce ministry" -> "Chinese commerce ministry"
            words = [
                t.text
                for t in head.doc[first : head.i]
                if t.dep_ not in ("cc", "conj", "punct", "det") and t.head.dep_ != "conj"
            ]
            return " ".join([*words, noun])
    return country.name


def conjoined_countries(token: Token, mention: Mention, gaz: Gazetteer) -> list[Mention]:
    """Return the mentions of further demonyms conjoined on a state or people noun.

    "Egyptian and Qatari mediators" is mentioned as Egyptian mediators; this adds
    Qatari mediators.
    """
    if mention.kind not in ("state", "group", "people") or mention.country is None:
        return []
    extra = []
    # "Egyptian and Qatari mediators", "the diplomats of South Korea, Japan and the US"
    # "U.S. and British forces": the first modifier may be a name (compound, nmod).
    modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod")]
    modifiers += [
        p
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    for child in modifiers:
        for conj in child.conjuncts:
            country = country_token(conj, gaz)
            if country is not None and country.iso3 != mention.country:
                name = f"{conj.text} {token.lower_}" if child.dep_ != "pobj" else country.name
                extra.append(replace(mention, name=name, country=country.iso3, text=name))
    return extra
