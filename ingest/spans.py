"""Entity spans as the extractor needs them: merged person names, noun phrase text."""

from spacy.tokens import Doc, Span, Token


def _hyphen_joined(doc: Doc, i: int) -> bool:
    """Return True when ``doc[i]`` is a hyphen written without spaces ("Duck-soo")."""
    return (
        0 < i < len(doc) - 1
        and doc[i].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
    )


NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "bin"})


def _after_particle_of_person(doc: Doc, i: int) -> bool:
    """Return True when ``doc[i]`` follows a name particle that follows a person's name."""
    return (
        i >= 2
        and doc[i - 1].lower_ in NAME_PARTICLES
        and (doc[i - 2].ent_type_ == "PERSON" or doc[i - 2].lower_ in NAME_PARTICLES)
    )


def _entity_of(doc: Doc) -> dict[int, Span]:
    """Return each entity token's entity, built once per parse."""
    index: dict[int, Span] | None = doc.user_data.get("diplograph.entities")
    if index is None:
        index = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        doc.user_data["diplograph.entities"] = index
    return index


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
    ent = _entity_of(doc).get(token.i)
    if ent is not None and ent.label_ != "PERSON" and _after_particle_of_person(doc, ent.start):
        return entity_span(doc[ent.start - 2])  # "Leyen" in "Ursula von der Leyen"
    if ent is not None and ent.label_ != "PERSON" and any(t.text == "," for t in ent):
        # "Mali, Burkina Faso and Niger" tagged as one place: the part the token is in
        start = max((t.i + 1 for t in ent if t.text == "," and t.i < token.i), default=ent.start)
        end = min((t.i for t in ent if t.text == "," and t.i > token.i), default=ent.end)
        return Span(doc, start, end, label=ent.label_)
    if ent is None or ent.label_ != "PERSON":
        return ent
    start, end = ent.start, ent.end
    while start > 0 and doc[start - 1].ent_type_ == "PERSON":
        start -= 1
    while end < len(doc) and doc[end].ent_type_ == "PERSON" and doc[end].ent_iob_ != "O":
        end += 1
    while end + 1 < len(doc) and _hyphen_joined(doc, end) and doc[end + 1].is_alpha:
        end += 2
    while end + 1 < len(doc) and doc[end].lower_ in NAME_PARTICLES and doc[end + 1].pos_ == "PROPN":
        end += 2  # "Ursula von der Leyen": lower-case particles inside a name
    while end - start > 1 and doc[end - 1].tag_ == "POS":
        end -= 1  # "Macron's": the possessive marker is not part of the name
    return Span(doc, start, end, label="PERSON")


def np_text(head: Token) -> str:
    """Return the words of a noun phrase up to its head, without determiners or numbers."""
    words = [
        t.text
        for t in head.subtree
        if t.i <= head.i
        and t.dep_ not in ("det", "predet", "nummod", "punct", "case")
        and t.lower_ not in ("both", "all", "some", "many", "several")
    ]
    return " ".join(words)
