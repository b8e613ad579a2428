"""Person mentions: a name with the title, role and country the text gives it."""

from dataclasses import replace

from spacy.tokens import Span, Token

from diplograph.ingest.gazetteer import Gazetteer
from diplograph.ingest.modifiers import country_of_words, country_token, modifier_country, role_in
from diplograph.ingest.types import Mention


def title_prefix(span: Span) -> list[Token]:
    """Return the words before a name that modify it ("Russian President", "Russia's")."""
    doc = span.doc
    members = set(range(span.start, span.end))
    words: list[Token] = []
    for i in range(span.start - 1, -1, -1):
        tok = doc[i]
        if tok.dep_ == "case" and i > 0 and tok.head.i == i - 1 and tok.head.head.i in members:
            continue  # the "'s" of "Jordan's King Abdullah": its possessor comes next
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
        inside_title = tok.lower_ == "of" and tok.i > 0 and doc[tok.i - 1].is_title
        if (tok.is_punct and tok.tag_ != "POS") or (
            tok.pos_ in ("VERB", "AUX", "ADP", "DET") and not inside_title
        ):
            break  # "Secretary of State Marco Rubio": "of" inside a title does not end it
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
    prefix = (title_prefix(span) or _adjacent_title(span, gaz)) + swallowed
    role = gaz.role_ending([t.text for t in prefix]) if prefix else None
    rest = prefix[: len(prefix) - role[1]] if role else prefix
    country, org = country_of_words(rest, gaz) if rest else (None, None)
    cues = _appositive_cues(span.root)
    head = span.root.head
    if span.root.dep_ == "appos" and head.pos_ in ("NOUN", "PROPN"):
        # "Sudanese army chief Abdel Fattah al-Burhan" parsed as an apposition to "chief".
        title = list(span.doc[head.left_edge.i : head.i + 1])
        role = role or role_in(title, gaz)
        if country is None and org is None:
            country = modifier_country(head, gaz)
    if role is None and cues:
        role = role_in(cues, gaz)
    if country is None and org is None and cues:
        country = next((c for t in cues if (c := country_token(t, gaz))), None)
    mention = Mention(
        kind="person",
        text=span.text,
        token_index=span.root.i,
        type="person",
        name=name,
        country=country.iso3 if country else (org.country if org else None),
        role=role[0].role if role else None,
        rank=role[0].rank if role else 0,
    )
    if country is not None or org is not None:
        return mention
    return with_known_facts(mention, gaz, titled=bool(prefix or cues))


def with_known_facts(mention: Mention, gaz: Gazetteer, *, titled: bool = False) -> Mention:
    """Return ``mention`` with the state and title of a well-known figure the text omits.

    "President Donald Trump" and a bare "Araghchi" get their country from
    ``people.tsv``; a title the text gives ("Chief Cabinet Secretary") wins over the
    table's, even one the role list does not know.
    """
    known = gaz.known_person(mention.name or "")
    if known is None:
        return mention
    if mention.role is not None or titled or not known.role:
        return replace(mention, country=known.country)
    title = gaz.role_ending(known.role.split())
    return replace(
        mention,
        country=known.country,
        role=title[0].role if title else known.role,
        rank=title[0].rank if title else 3,
    )
