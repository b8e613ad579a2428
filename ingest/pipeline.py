"""The extraction pipeline: article text in, coded events with their evidence out.

Stages: paragraphs and sentences (``sentences``) -> people of the article
(``actors``) -> trigger candidates (``events``) -> actor resolution -> CAMEO
coding (``lexicon``) -> factuality (``factuality``) -> dates and places.
"""

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import groupby

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ingest.actors import RESOLUTION_QUALITY, ArticleActors, Resolved
from ingest.dates import resolve_date
from ingest.events import Argument, Candidate, candidates
from ingest.factuality import (
    FUTURE_AUX,
    is_negated,
    modality,
    refusal_code,
    reporting_speaker,
)
from ingest.gazetteer import Gazetteer, gazetteer
from ingest.lexicon import code_info
from ingest.mentions import mention_at
from ingest.nlp import get_nlp
from ingest.sentences import Paragraph, paragraphs, sentence_spans
from ingest.spans import entity_span
from ingest.types import ActorRef, ArticleInput, ExtractedArticle, ExtractedEvent, Mention

EXTRACTOR_VERSION = "rules-0.1"
VIA_QUALITY = {"direct": 1.0, "pair": 0.95, "inherited": 0.9, "inside": 0.85}
SUBJECTISH = ("nsubj", "nsubjpass", "agent")
PLACE_ENTS = ("GPE", "LOC", "FAC")
MOVEMENT_TRIGGERS = frozenset({"travel", "fly", "arrive", "return"})
SUBJECT_KINDS = ("organization", "group", "country", "state")


@dataclass(frozen=True)
class _Sentence:
    index: int
    span: Span
    offset: int  # article-wide position of the paragraph's first token


def _is_subject(token: Token) -> bool:
    if token.dep_ in SUBJECTISH:
        return True
    return token.dep_ == "poss" and token.head.dep_ in SUBJECTISH


class _ArticleExtractor:
    def __init__(self, article: ArticleInput, gaz: Gazetteer) -> None:
        self.article = article
        self.gaz = gaz
        self.people = ArticleActors()
        self.bodies: list[tuple[int, ActorRef]] = []
        self.subjects: list[tuple[int, ActorRef]] = []
        self.side_mentions: Counter[str] = Counter()
        self.side_actors: dict[str, Counter[ActorRef]] = {}

    def register_people(self, sentences: list[_Sentence]) -> None:
        for s in sentences:
            seen: set[int] = set()
            for ent in s.span.ents:
                span = entity_span(ent.root)
                if span is None or span.start in seen:
                    continue
                seen.add(span.start)
                mention = mention_at(span.root, self.gaz)
                if mention is not None and mention.kind == "person" and mention.name:
                    cluster = self.people.register_person(mention)
                    position = s.offset + span.root.i
                    self.people.note_position(cluster, position, _is_subject(span.root))
        # Surnames the tagger missed or mislabelled ("Wang held talks") still mark a mention.
        for s in sentences:
            for tok in s.span:
                if tok.pos_ == "PROPN" and tok.ent_type_ != "PERSON" and tok.dep_ != "compound":
                    person = self.people.person_named(tok.text)
                    if person is not None and " " not in tok.text:
                        self.people.note_position(person, s.offset + tok.i, _is_subject(tok))

    def resolve(self, mention: Mention, s: _Sentence) -> Resolved:
        token = s.span.doc[mention.token_index]
        position = s.offset + mention.token_index
        quality = RESOLUTION_QUALITY[mention.kind]
        if mention.kind == "person" and mention.name:
            person = self.people.person_named(mention.name)
            return Resolved((person.ref(),), quality) if person else Resolved((), 0.0)
        if mention.kind in ("name", "organization") and mention.name and " " not in mention.name:
            # spaCy sometimes tags a known person's surname as ORG or not at all.
            person = self.people.person_named(mention.name)
            if person is not None:
                return Resolved((person.ref(),), RESOLUTION_QUALITY["role"])
            if mention.kind == "name":
                return Resolved((), 0.0)
        if mention.kind == "pronoun":
            person = self.people.resolve_pronoun(position, s.offset + s.span.start)
            if person is None:
                return Resolved((), 0.0)
            self.people.note_position(person, position, _is_subject(token))
            return Resolved((person.ref(),), quality)
        if mention.kind in ("role", "plural_role"):
            found = self.people.resolve_role(mention, position)
            for person in found:
                self.people.note_position(person, position, _is_subject(token))
            if found:
                return Resolved(tuple(p.ref() for p in found), quality)
            if mention.kind == "role" and mention.country:
                return Resolved(
                    (self._country_ref(mention.country, "government"),),
                    RESOLUTION_QUALITY["fallback"],
                )
            return Resolved((), 0.0)
        if mention.kind == "body_ref":
            earlier = [ref for pos, ref in self.bodies if pos < position]
            return Resolved((earlier[-1],), quality) if earlier else Resolved((), 0.0)
        if mention.kind == "sides":
            sides = self._main_sides(s, states=mention.type == "country")
            return Resolved(sides, quality) if sides else Resolved((), 0.0)
        if mention.kind == "it":
            # "it" is the latest state or body that was the subject of a clause.
            earlier = [ref for pos, ref in self.subjects if pos < position]
            return Resolved((earlier[-1],), quality) if earlier else Resolved((), 0.0)
        if mention.name is None:
            return Resolved((), 0.0)
        aliases = tuple(sorted({mention.name, mention.text}))
        ref = ActorRef(
            name=mention.name, type=mention.type, country=mention.country, aliases=aliases
        )
        return Resolved((ref,), quality)

    def note_subjects(self, s: _Sentence) -> None:
        """Record the bodies named in ``s`` and the states and bodies that are subjects.

        That is what a later "the group" or "it" can mean.
        """
        for tok in s.span:
            mention = mention_at(tok, self.gaz)
            if mention is None:
                continue
            if tok.dep_ in ("amod", "compound"):
                # "Israeli strikes": a demonym makes its state salient, nothing more.
                if mention.country is not None and mention.kind == "country":
                    self._count_side(mention.country, None)
                continue
            position = s.offset + tok.i
            ref: ActorRef | None = None
            if mention.kind in ("people", "person") and mention.country is not None:
                self._count_side(mention.country, None)
            elif mention.kind == "body_ref":
                earlier = [r for pos, r in self.bodies if pos < position]
                ref = earlier[-1] if earlier else None
            elif mention.kind in SUBJECT_KINDS and mention.name is not None:
                ref = ActorRef(
                    name=mention.name,
                    type=mention.type,
                    country=mention.country,
                    aliases=tuple(sorted({mention.name, mention.text})),
                )
                if mention.kind in ("organization", "group"):
                    self.bodies.append((position, ref))
            if ref is None:
                continue
            self._count_side(ref.country or ref.name, ref)
            if tok.dep_ in ("nsubj", "nsubjpass"):
                self.subjects.append((position, ref))

    def _count_side(self, side: str, ref: ActorRef | None) -> None:
        """Count one mention of a side (a country code, or a name for stateless actors)."""
        self.side_mentions[side] += 1
        if ref is not None:
            self.side_actors.setdefault(side, Counter())[ref] += 1

    def _main_sides(self, s: _Sentence, *, states: bool = False) -> tuple[ActorRef, ...]:
        """Return the two sides mentioned most so far, leaving out the clause's subject.

        A state's organs and people ("Israeli forces", "Palestinian prisoners") count for
        its side; each side is represented by the actor of it named most often.
        """
        subject = next((t for t in s.span if t.dep_ == "nsubj"), None)
        # The subject and whatever its phrase names ("UN chief Guterres") are not a side.
        excluded: set[str] = set()
        for tok in subject.subtree if subject is not None else ():
            mention = mention_at(tok, self.gaz)
            if mention is None or mention.kind == "sides":
                continue  # "Both sides agreed": the sides are the subject itself
            excluded |= {r.country or r.name for r in self.resolve(mention, s).actors}
            if mention.country:
                excluded.add(mention.country)
        if states:
            # "the two countries": the two states named most, by their names.
            countries = [
                side
                for side, _ in self.side_mentions.most_common()
                if side not in excluded and side in self.gaz.by_iso3
            ]
            return tuple(self._country_ref(iso3, "country") for iso3 in countries[:2])
        ranked = [
            side
            for side, _ in self.side_mentions.most_common()
            if side not in excluded and side in self.side_actors
        ]
        sides = [_representative(self.side_actors[side]) for side in ranked[:2]]
        if len(sides) == 1:
            # One state, two sides: a civil war ("the army and the RSF").
            sides = [ref for ref, _ in self.side_actors[ranked[0]].most_common(2)]
        return tuple(sides[:2]) if len(sides) >= 2 else ()

    def _country_ref(self, iso3: str, type_: str) -> ActorRef:
        country = self.gaz.by_iso3.get(iso3)
        name = country.name if country is not None else iso3
        return ActorRef(name=name, type="country", country=iso3, aliases=(name,))

    def _resolve_args(
        self, args: tuple[Argument, ...], s: _Sentence
    ) -> list[tuple[ActorRef, float]]:
        out: list[tuple[ActorRef, float]] = []
        for arg in args:
            resolved = self.resolve(arg.mention, s)
            for ref in resolved.actors:
                if all(ref != r for r, _ in out):
                    out.append((ref, resolved.quality * VIA_QUALITY[arg.via]))
        return out

    def events_of(self, cand: Candidate, s: _Sentence) -> list[ExtractedEvent]:
        sources = self._resolve_args(cand.sources, s)
        if cand.pairwise:
            pairs = [(a, b) for i, a in enumerate(sources) for b in sources[i + 1 :]]
        else:
            targets = self._resolve_args(cand.targets, s)
            pairs = [(a, b) for a in sources for b in targets]
        pairs = [
            (a, b) for a, b in pairs if not _same_actor(a[0], b[0]) and not _own_country(a[0], b[0])
        ]
        if cand.rule.lemma in MOVEMENT_TRIGGERS:
            # One travels to a country, not to a person or a body ("flying to Rio" tagged ORG).
            pairs = [(a, b) for a, b in pairs if b[0].type == "country"]
        if not pairs:
            return []
        cameo, action = cand.rule.cameo, cand.rule.lemma
        negated = is_negated(cand.anchor) or is_negated(cand.trigger)
        refused = refusal_code(cand.anchor, cameo)
        if refused is not None:
            cameo, action, negated = refused, "refuse", False
        info = code_info(cameo)
        events = []
        for (src, src_q), (tgt, tgt_q) in pairs:
            mod = modality(cand.anchor, cand.rule, self._speaker_is_participant(cand, s, src, tgt))
            if refused is not None and mod in ("intended", "hypothetical"):
                mod = "asserted"  # "would not negotiate" states a refusal now
            events.append(
                ExtractedEvent(
                    source=src,
                    target=tgt,
                    action=action,
                    cameo=cameo,
                    goldstein=info.goldstein,
                    quad_class=info.quad_class,
                    negated=negated,
                    modality=mod,
                    date=self._date(cand, mod),
                    location=self._location(cand),
                    sentence_index=s.index,
                    sentence=s.span.text.strip(),
                    trigger=cand.trigger_text,
                    confidence=round(max(0.05, min(0.99, cand.rule.weight * min(src_q, tgt_q))), 2),
                )
            )
        return events

    def _speaker_is_participant(
        self, cand: Candidate, s: _Sentence, src: ActorRef, tgt: ActorRef
    ) -> bool:
        speaker = reporting_speaker(cand.anchor)
        if speaker is None:
            return True
        mention = mention_at(speaker, self.gaz)
        if mention is None:
            return False
        for ref in self.resolve(mention, s).actors:
            for actor in (src, tgt):
                if ref.name == actor.name or (ref.country and ref.country == actor.country):
                    return True
        return False

    def _date(self, cand: Candidate, mod: str) -> date | None:
        """Return the date of a DATE expression attached to the trigger, else a default.

        Asserted and reported events default to the publication date (news reports
        what just happened); planned or hypothetical ones to unknown (None).
        """
        anchors = {cand.trigger.i, cand.anchor.i}
        if cand.anchor is cand.trigger and cand.trigger.dep_ in ("nsubj", "dobj"):
            anchors.add(cand.trigger.head.i)  # "Macron's visit ended on Tuesday"
        future = any(c.lower_ in FUTURE_AUX for c in cand.anchor.children)
        for ent in cand.trigger.sent.ents:
            if ent.label_ == "DATE" and _attached(ent.root, anchors):
                resolved = resolve_date(ent.text, self.article.published, future=future)
                if resolved is not None:
                    return resolved
        return self.article.published if mod in ("asserted", "reported") else None

    def _location(self, cand: Candidate) -> str | None:
        arguments = {a.mention.token_index for a in (*cand.sources, *cand.targets)}
        doc = cand.trigger.doc
        # "met with Ruto in Nairobi": the parser often hangs the place on the target.
        heads = [cand.trigger, cand.anchor, *(doc[a.mention.token_index] for a in cand.targets)]
        for head in heads:
            for child in head.children:
                if child.dep_ != "prep" or child.lower_ not in ("in", "at"):
                    continue
                for pobj in child.children:
                    ent = entity_span(pobj)
                    if ent is not None and ent.label_ in PLACE_ENTS and pobj.i not in arguments:
                        return ent.text
        if cand.rule.cameo[:2] != "04":
            return None
        # A visit to Cairo happens in Cairo.
        return next((a.mention.place for a in cand.targets if a.mention.place), None)


def _representative(actors: Counter[ActorRef]) -> ActorRef:
    """Return the actor that stands for a side: the one named most, a state on ties."""
    return max(actors.items(), key=lambda item: (item[1], item[0].type == "country"))[0]


def _attached(token: Token, anchors: set[int], hops: int = 3) -> bool:
    """Return True when ``token`` depends on an anchor within ``hops`` without crossing a verb."""
    for _ in range(hops):
        if token.i in anchors or token.head.i in anchors:
            return True
        if token.head is token or token.head.pos_ == "VERB":
            return False
        token = token.head
    return False


def _own_country(source: ActorRef, target: ActorRef) -> bool:
    """Return True for an actor acting on its own state ("Wang warned Beijing would ...")."""
    return (
        target.type == "country"
        and source.country is not None
        and (source.country == target.country)
    )


def _same_actor(a: ActorRef, b: ActorRef) -> bool:
    return a.name == b.name and a.country == b.country


def _parse_sentences(paras: list[Paragraph], docs: list[Doc]) -> list[_Sentence]:
    out: list[_Sentence] = []
    offset = 0
    for doc in docs:
        for sent in doc.sents:
            if sent.text.strip():
                out.append(_Sentence(len(out), sent, offset))
        offset += len(doc)
    return out


def _extract_parsed(
    article: ArticleInput, paras: list[Paragraph], docs: list[Doc]
) -> ExtractedArticle:
    gaz = gazetteer()
    spans = sentence_spans(paras, docs)
    sentences = _parse_sentences(paras, docs)
    extractor = _ArticleExtractor(article, gaz)
    extractor.register_people(sentences)
    events: list[ExtractedEvent] = []
    for s in sentences:
        extractor.note_subjects(s)
        for cand in candidates(s.span, gaz):
            events.extend(extractor.events_of(cand, s))
    return ExtractedArticle(article=article, sentences=tuple(spans), events=tuple(_dedupe(events)))


def _dedupe(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    best: dict[tuple[object, ...], ExtractedEvent] = {}
    for ev in events:
        key = (ev.source, ev.target, ev.cameo, ev.sentence_index)
        if key not in best or ev.confidence > best[key].confidence:
            best[key] = ev
    return list(best.values())


def extract_many(
    articles: Iterable[ArticleInput], *, nlp: Language | None = None, batch_size: int = 64
) -> Iterator[ExtractedArticle]:
    """Yield the extraction of each article, parsing all paragraphs through one ``nlp.pipe``."""
    model = nlp or get_nlp()

    def paragraph_stream() -> Iterator[tuple[str, tuple[int, ArticleInput, Paragraph]]]:
        for n, art in enumerate(articles):
            paras = paragraphs(art.text)
            if not paras:
                yield "", (n, art, Paragraph(0, 0, ""))
            for p in paras:
                yield p.text, (n, art, p)

    parsed = model.pipe(paragraph_stream(), as_tuples=True, batch_size=batch_size)
    for _, group in groupby(parsed, key=lambda item: item[1][0]):
        everything = list(group)
        article = everything[0][1][1]
        items = [(doc, ctx) for doc, ctx in everything if ctx[2].text]
        yield _extract_parsed(article, [ctx[2] for _, ctx in items], [doc for doc, _ in items])


def extract_one(article: ArticleInput, *, nlp: Language | None = None) -> ExtractedArticle:
    """Return the extraction of one article."""
    return next(iter(extract_many([article], nlp=nlp)))
