"""What the modifiers of a noun name: a country, an organization, a role title."""

from spacy.tokens import Token

from diplograph.ingest.gazetteer import Country, Gazetteer, Organization, Role
from diplograph.ingest.spans import entity_span

ACTOR_ENTS = frozenset({"PERSON", "GPE", "NORP", "ORG", "LOC", "FAC"})


def country_of_words(
    tokens: list[Token], gaz: Gazetteer
) -> tuple[Country | None, Organization | None]:
    """Return the country and the organization a run of title words names ("U.N.", "Russian")."""
    country: Country | None = None
    org: Organization | None = None
    text = " ".join(t.text for t in tokens)
    for candidate in [text, *[t.text for t in tokens]]:
        country = country or gaz.country(candidate) or gaz.capital(candidate)
        org = org or gaz.organization(candidate)
    return country, org


def role_in(tokens: list[Token], gaz: Gazetteer) -> tuple[Role, int] | None:
    """Return the longest role title ending anywhere in ``tokens`` and its length, or None."""
    for end in range(len(tokens), 0, -1):
        found = gaz.role_ending([t.text for t in tokens[:end]])
        if found:
            return found
    return None


def country_token(tok: Token, gaz: Gazetteer) -> Country | None:
    """Return the country a name-like token (or the entity it is part of) names, or None."""
    if not (tok.ent_type_ in ACTOR_ENTS or tok.is_title or tok.is_upper):
        return None
    ent = entity_span(tok)
    if ent is not None and len(ent) > 1:
        # "Latin American" is not American: a multi-word name is looked up whole.
        return gaz.country(ent.text) or gaz.capital(ent.text)
    return gaz.country(tok.text) or gaz.capital(tok.text)


def place_country(tok: Token, gaz: Gazetteer) -> Country | None:
    """Return the country a name-like token names, or whose city or region it names.

    "the mayor of Rafah", "police in Diyarbakir": a place of a state (``cities.tsv``
    and the coding dictionary's places) locates its people in that state.
    """
    country = country_token(tok, gaz)
    if country is not None or not (tok.ent_type_ in ACTOR_ENTS or tok.pos_ == "PROPN"):
        return country
    ent = entity_span(tok)
    return gaz.city(ent.text if ent is not None else tok.text)


def modifier_country(head: Token, gaz: Gazetteer) -> Country | None:
    """Return the country named by a demonym, compound, possessive or "of" on ``head``.

    An "of" phrase may name a city or region of the state ("the governor of Kandahar").
    """
    for child in head.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod") and (c := country_token(child, gaz)):
            return c
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (c := place_country(pobj, gaz)):
                    return c
    for child in head.children:
        if child.dep_ in ("nummod", "compound") and child.ent_type_ not in ("GPE", "NORP"):
            # "Turkish F-16 jets": the demonym modifies the model name (tagged with it as
            # one entity, "Turkish F-16"), not the noun.
            for grand in child.children:
                if grand.dep_ in ("amod", "compound") and (c := gaz.country(grand.text)):
                    return c
    return None


def located_country(head: Token, gaz: Gazetteer) -> Country | None:
    """Return the country of an "in <place>" phrase on ``head`` ("police in Dhaka", "in Gao")."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and (c := place_country(pobj, gaz)):
                    return c
    return None


def clause_place_country(head: Token, gaz: Gazetteer) -> Country | None:
    """Return the country of an "in <place>" phrase on the verb ``head`` is an argument of.

    "Police arrested dozens of protesters in Cairo": the police and the protesters
    are in Egypt. Looks through "of" phrases ("dozens of") up to the clause's verb.
    """
    node = head
    for _ in range(4):
        found = located_country(node, gaz)
        if found is not None or node.pos_ in ("VERB", "AUX") or node.head is node:
            return found
        node = node.head
    return None


def modifier_org(head: Token, gaz: Gazetteer) -> Organization | None:
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
