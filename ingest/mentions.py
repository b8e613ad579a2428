"""Mentions: what an argument token denotes before discourse resolution.

A mention is read off one token (the head of a noun phrase) and its dependents:
a named person with title and nationality, a country (by name, demonym or
capital), an organization, a typed state actor ("the Egyptian military"), a
non-state group ("Islamic militants"), a role ("the Russian president"), a
plural role ("both presidents") or a personal pronoun.
"""

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ingest.gazetteer import Country, Gazetteer, Organization, Role
from ingest.wordlists import wordlist

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
MILITARY_NOUNS = wordlist("military_nouns")
GOVERNMENT_NOUNS = wordlist("government_nouns")
# Nouns for people of a country ("Thai nationals", "Palestinian prisoners").
PEOPLE_NOUNS = wordlist("people_nouns")
GROUP_NOUNS = wordlist("group_nouns")
BODY_NOUNS = wordlist("body_nouns")
# "both sides", "the two countries": the two main actors of the story so far.
SIDE_NOUNS = frozenset({"side", "party", "country", "nation", "government", "state"})
PLURAL_NUMBERS = {"both": 2, "two": 2, "three": 3, "four": 4}
ACTOR_ENTS = frozenset({"PERSON", "GPE", "NORP", "ORG", "LOC", "FAC"})


@dataclass(frozen=True)
class Mention:
    """What a token denotes, as far as its own noun phrase tells."""

    # person|country|organization|group|people|state|role|plural_role|pronoun|it|place|name|
    # body_ref|sides
    kind: str
    text: str
    token_index: int
    type: str
    name: str | None = None
    country: str | None = None
    role: str | None = None
    rank: int = 0
    number: int = 1
    place: str | None = None


def _hyphen_joined(doc: Doc, i: int) -> bool:
    """Return True when ``doc[i]`` is a hyphen written without spaces ("Duck-soo")."""
    return (
        0 < i < len(doc) - 1
        and doc[i].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
    )


def entity_span(token: Token) -> Span | None:
    """Return the named entity ``token`` is part of, with PERSON pieces merged.

    spaCy sometimes splits "Abdel Fattah el Sissi" into two PERSON entities and
    leaves the end of a hyphenated name ("Han Duck-soo") outside the entity.
    """
    doc = token.doc
    if not token.ent_type_:
        if token.i >= 2 and _hyphen_joined(doc, token.i - 1) and doc[token.i - 2].ent_type_:
            return entity_span(doc[token.i - 2])
        return None
    ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
    if ent is None or ent.label_ != "PERSON":
        return ent
    start, end = ent.start, ent.end
    while start > 0 and doc[start - 1].ent_type_ == "PERSON":
        start -= 1
    while end < len(doc) and doc[end].ent_type_ == "PERSON" and doc[end].ent_iob_ != "O":
        end += 1
    while end + 1 < len(doc) and _hyphen_joined(doc, end) and doc[end + 1].is_alpha:
        end += 2
    while end - start > 1 and doc[end - 1].tag_ == "POS":
        end -= 1  # "Macron's": the possessive marker is not part of the name
    return Span(doc, start, end, label="PERSON")


def _country_of_words(
    tokens: list[Token], gaz: Gazetteer
) -> tuple[Country | None, Organization | None]:
    country: Country | None = None
    org: Organization | None = None
    text = " ".join(t.text for t in tokens)
    for candidate in [text, *[t.text for t in tokens]]:
        country = country or gaz.country(candidate) or gaz.capital(candidate)
        org = org or gaz.organization(candidate)
    return country, org


def _title_prefix(span: Span) -> list[Token]:
    """Return the words before a name that modify it ("Russian President", "Russia's")."""
    doc = span.doc
    members = set(range(span.start, span.end))
    words: list[Token] = []
    for i in range(span.start - 1, -1, -1):
        tok = doc[i]
        if tok.head.i not in members:
            break
        members.add(i)
        if tok.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod", "appos"):
            words.insert(0, tok)
        elif tok.dep_ not in ("case", "punct"):
            break
    return words


def _adjacent_title(span: Span, gaz: Gazetteer) -> list[Token]:
    """Return the words right before a name that end in a title, however they were parsed.

    "Sudan's army chief Abdel Fattah al-Burhan" is sometimes parsed with "chief" and
    "Burhan" as two subjects; the words still title the name.
    """
    doc = span.doc
    start = span.start
    while start > 0 and span.start - start < 5:
        tok = doc[start - 1]
        if (tok.is_punct and tok.tag_ != "POS") or tok.pos_ in ("VERB", "AUX", "ADP", "DET"):
            break
        start -= 1
    words = [t for t in doc[start : span.start] if t.tag_ != "POS"]
    return words if words and gaz.role_ending([t.text for t in words]) else []


def _strip_title(span: Span, gaz: Gazetteer) -> tuple[str, list[Token]]:
    """Split a PERSON entity that swallowed its title ("President Putin") into name and title."""
    words = list(span)
    for cut in range(len(words) - 1, 0, -1):
        if gaz.role_ending([t.text for t in words[:cut]]):
            return span[cut:].text, words[:cut]
    return span.text, []


def _appositive_cues(root: Token) -> list[Token]:
    """Return tokens of an appositive or "of <country>" phrase after a name."""
    cues: list[Token] = []
    for child in root.rights:
        if child.dep_ == "appos":
            cues.extend(t for t in child.subtree if t.dep_ != "punct")
        elif child.dep_ == "prep" and child.lower_ == "of":
            cues.extend(child.subtree)
    return cues


def person_mention(span: Span, gaz: Gazetteer) -> Mention:
    """Return the person mention of a PERSON entity with its title, role and country."""
    name, swallowed = _strip_title(span, gaz)
    prefix = (_title_prefix(span) or _adjacent_title(span, gaz)) + swallowed
    role = gaz.role_ending([t.text for t in prefix]) if prefix else None
    rest = prefix[: len(prefix) - role[1]] if role else prefix
    country, org = _country_of_words(rest, gaz) if rest else (None, None)
    cues = _appositive_cues(span.root)
    head = span.root.head
    if span.root.dep_ == "appos" and head.pos_ in ("NOUN", "PROPN"):
        # "Sudanese army chief Abdel Fattah al-Burhan" parsed as an apposition to "chief".
        title = list(span.doc[head.left_edge.i : head.i + 1])
        role = role or _role_in(title, gaz)
        if country is None and org is None:
            country = _modifier_country(head, gaz)
    if role is None and cues:
        role = _role_in(cues, gaz)
    if country is None and org is None and cues:
        country = next((c for t in cues if (c := _country_token(t, gaz))), None)
    return Mention(
        kind="person",
        text=span.text,
        token_index=span.root.i,
        type="person",
        name=name,
        country=country.iso3 if country else (org.country if org else None),
        role=role[0].role if role else None,
        rank=role[0].rank if role else 0,
    )


def _role_in(tokens: list[Token], gaz: Gazetteer) -> tuple[Role, int] | None:
    for end in range(len(tokens), 0, -1):
        found = gaz.role_ending([t.text for t in tokens[:end]])
        if found:
            return found
    return None


def _country_token(tok: Token, gaz: Gazetteer) -> Country | None:
    if not (tok.ent_type_ in ACTOR_ENTS or tok.is_title or tok.is_upper):
        return None
    ent = entity_span(tok)
    if ent is not None and len(ent) > 1:
        # "Latin American" is not American: a multi-word name is looked up whole.
        return gaz.country(ent.text) or gaz.capital(ent.text)
    return gaz.country(tok.text) or gaz.capital(tok.text)


def _modifier_country(head: Token, gaz: Gazetteer) -> Country | None:
    """Return the country named by a demonym, compound, possessive or "of" on ``head``."""
    for child in head.children:
        if child.lower_ == "whose" and head.head.dep_ == "relcl":
            # "Albares, whose government granted asylum": the antecedent's country.
            antecedent = entity_span(head.head.head)
            if antecedent is not None and antecedent.label_ == "PERSON":
                country = person_mention(antecedent, gaz).country
                if country is not None:
                    return gaz.by_iso3.get(country)
        if child.dep_ in ("amod", "compound", "poss", "nmod") and (c := _country_token(child, gaz)):
            return c
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (c := _country_token(pobj, gaz)):
                    return c
    return None


def _located_country(head: Token, gaz: Gazetteer) -> Country | None:
    """Return the country of an "in <place>" phrase on ``head`` ("police in Dhaka")."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (c := _country_token(pobj, gaz)):
                    return c
    return None


def _np_text(head: Token) -> str:
    words = [
        t.text
        for t in head.subtree
        if t.i <= head.i
        and t.dep_ not in ("det", "predet", "nummod", "punct", "case")
        and t.lower_ not in ("both", "all", "some", "many", "several")
    ]
    return " ".join(words)


def mention_at(token: Token, gaz: Gazetteer) -> Mention | None:
    """Return what ``token`` (a noun phrase head) denotes as an actor, or None if nothing."""
    lower = token.lower_
    if lower in PERSON_PRONOUNS and token.pos_ == "PRON":
        return Mention(kind="pronoun", text=token.text, token_index=token.i, type="person")
    if lower in ("it", "its") and token.pos_ == "PRON":
        return Mention(kind="it", text=token.text, token_index=token.i, type="organization")
    ent = entity_span(token)
    if ent is not None and ent.label_ == "PERSON" and len(ent) == 1:
        # "Kyiv" tagged PERSON: a one-word name the gazetteer knows as a state or capital.
        place = _named_mention(Span(token.doc, ent.start, ent.end, label="GPE"), token, gaz)
        if place is not None and place.kind == "country":
            return place
    if ent is not None and ent.label_ == "PERSON":
        return person_mention(ent, gaz)
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
    # An untagged proper name: may be a person of the article ("Wang held talks").
    return Mention(
        kind="name", text=token.text, token_index=token.i, type="person", name=token.text
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
        [t.text for t in _title_prefix(ent)]
    ):
        # "Chancellor Olaf Scholz" tagged ORG: a title before a name makes it a person.
        return person_mention(ent, gaz)
    if ent.label_ == "ORG":
        country_mod = _modifier_country(ent.root, gaz)
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
                if (c := _country_token(child, gaz))
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
                text=_np_text(token),
                token_index=token.i,
                type="country" if states else "organization",
                number=2,
            )
    country = _modifier_country(token, gaz)
    if lemma in GOVERNMENT_NOUNS and lower not in GOVERNMENT_NOUNS:
        lower = lemma if lemma != "authority" else "authorities"
    organ = lower in MILITARY_NOUNS or lower in GOVERNMENT_NOUNS or lemma in GROUP_NOUNS
    if organ and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token.children):
        # "its fighters", "its military": the organs of the state or body "it" refers to.
        return Mention(kind="it", text=_np_text(token), token_index=token.i, type="organization")
    if lower in MILITARY_NOUNS or lower in GOVERNMENT_NOUNS:
        body = _org_mention(token, gaz)
        if body is not None:
            return body
        country = country or _located_country(token, gaz)
        if country is None:
            return None
        sector = "military" if lower in MILITARY_NOUNS else "government"
        return Mention(
            kind="state",
            text=_np_text(token),
            token_index=token.i,
            type=sector,
            name=_state_name(token, country, lower, gaz),
            country=country.iso3,
        )
    if lemma in GROUP_NOUNS | PEOPLE_NOUNS | BODY_NOUNS or lower in GOVERNMENT_NOUNS:
        org = _modifier_org(token, gaz)
        if org is not None:
            # "Hamas gunmen", "a Hamas delegation": the organization acts.
            return Mention(
                kind="group" if org.type == "group" else "organization",
                text=_np_text(token),
                token_index=token.i,
                type=org.type,
                name=org.name,
                country=org.country,
            )
    if lemma in PEOPLE_NOUNS and country is not None:
        return Mention(
            kind="people",
            text=_np_text(token),
            token_index=token.i,
            type="group",
            name=_np_text(token),
            country=country.iso3,
        )
    named = any(c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "GPE") for c in token.lefts)
    if lemma in BODY_NOUNS and not named and any(c.lower_ == "the" for c in token.children):
        # "the militant group", "the bloc": a body named earlier in the article.
        return Mention(
            kind="body_ref",
            text=_np_text(token),
            token_index=token.i,
            type="organization",
            country=country.iso3 if country else None,
        )
    if lemma in GROUP_NOUNS:
        return Mention(
            kind="group",
            text=_np_text(token),
            token_index=token.i,
            type="group",
            name=_np_text(token),
            country=country.iso3 if country else None,
        )
    role = _role_in(list(token.doc[token.left_edge.i : token.i + 1]), gaz)
    if role is None and token.tag_ == "NNS":
        singular = [t.text for t in token.doc[token.left_edge.i : token.i]] + [token.lemma_]
        role = gaz.role_ending(singular)
    if role is None:
        return None
    number = next(
        (PLURAL_NUMBERS[c.lower_] for c in token.children if c.lower_ in PLURAL_NUMBERS), 0
    )
    if token.tag_ == "NNS":
        if not number:
            # "EU foreign ministers", "Venezuelan officials": the body or state they act for.
            body = _org_mention(token, gaz)
            if body is not None or country is None:
                return body
            return Mention(
                kind="state",
                text=_np_text(token),
                token_index=token.i,
                type="government",
                name=_state_name(token, country, token.lower_, gaz),
                country=country.iso3,
            )
        return Mention(
            kind="plural_role",
            text=_np_text(token),
            token_index=token.i,
            type="person",
            role=role[0].role,
            rank=role[0].rank,
            number=number,
            country=country.iso3 if country else None,
        )
    return Mention(
        kind="role",
        text=_np_text(token),
        token_index=token.i,
        type="person",
        role=role[0].role,
        rank=role[0].rank,
        country=country.iso3 if country else None,
    )


def _modifier_org(head: Token, gaz: Gazetteer) -> Organization | None:
    """Return the organization named by a compound or possessive on ``head`` ("Hamas gunmen")."""
    for child in head.children:
        if child.dep_ in ("compound", "poss", "nmod") and (
            child.ent_type_ in ("ORG", "NORP") or child.pos_ == "PROPN"
        ):
            ent = entity_span(child)
            org = gaz.organization(ent.text if ent is not None else child.text)
            if org is not None:
                return org
    return None


def _org_mention(token: Token, gaz: Gazetteer) -> Mention | None:
    org = _modifier_org(token, gaz)
    if org is None:
        return None
    return Mention(
        kind="group" if org.type == "group" else "organization",
        text=_np_text(token),
        token_index=token.i,
        type=org.type,
        name=org.name,
        country=org.country,
    )


def _state_name(head: Token, country: Country, noun: str, gaz: Gazetteer) -> str:
    """Return how the text names a state's organ: "Russian military" when a demonym or a
    country name modifies the noun, else the country's name ("the forces of Russia")."""
    for child in head.children:
        if child.dep_ in ("amod", "compound", "nmod") and _country_token(child, gaz) == country:
            ent = entity_span(child)
            return f"{ent.text if ent is not None else child.text} {noun}"
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
    modifiers = [c for c in token.children if c.dep_ == "amod"]
    modifiers += [
        p
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    for child in modifiers:
        for conj in child.conjuncts:
            country = _country_token(conj, gaz)
            if country is not None and country.iso3 != mention.country:
                name = f"{conj.text} {token.lower_}" if child.dep_ == "amod" else country.name
                extra.append(replace(mention, name=name, country=country.iso3, text=name))
    return extra
