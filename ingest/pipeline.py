"""The extraction pipeline: article text in, coded events with their evidence out.

Stages: paragraphs and sentences (``sentences``) -> mentions (``mentions``,
``persons``) -> what the article has said so far (``context``, ``actors``) ->
event candidates (``triggers``, ``constructions``, ``adjectives``) -> CAMEO coding
(``lexicon``) -> factuality (``factuality``) -> dates (``dates``) and places, assembled here.
"""

from collections.abc import Iterable, Iterator
from datetime import date
from itertools import groupby

from spacy.language import Language
from spacy.tokens import Doc, Token

from diplograph.ingest.actors import same_side
from diplograph.ingest.adjectives import adjective_candidates
from diplograph.ingest.antecedents import note_acts, note_candidate_act
from diplograph.ingest.budget import check_budget
from diplograph.ingest.constructions import construction_candidates
from diplograph.ingest.context import ArticleContext, ParsedSentence
from diplograph.ingest.dates import resolve_date
from diplograph.ingest.events import Argument, Candidate
from diplograph.ingest.factuality import (
    FUTURE_AUX,
    is_negated,
    modality,
    refusal_code,
    reporting_speaker,
)
from diplograph.ingest.gazetteer import gazetteer
from diplograph.ingest.lexicon import code_for_source, code_info
from diplograph.ingest.mentions import mention_at
from diplograph.ingest.nlp import get_nlp, one_blas_thread
from diplograph.ingest.sentences import Paragraph, paragraphs, sentence_spans
from diplograph.ingest.spans import entity_span
from diplograph.ingest.triggers import candidates
from diplograph.ingest.types import ActorRef, ArticleInput, ExtractedArticle, ExtractedEvent
from diplograph.ingest.wordlists import wordlist

EXTRACTOR_VERSION = "rules-0.1"
VIA_QUALITY = {"direct": 1.0, "pair": 0.95, "inherited": 0.9, "inside": 0.85}
PLACE_ENTS = ("GPE", "LOC", "FAC")
MOVEMENT_TRIGGERS = wordlist("movement_triggers")
THREATENED_FORCE_ROOTS = wordlist("threatened_force_roots")
THREAT_OF_FORCE = "138"


def _resolve_args(
    ctx: ArticleContext,
    args: tuple[Argument, ...],
    s: ParsedSentence,
    sources: list[tuple[ActorRef, float]] | None = None,
) -> list[tuple[ActorRef, float]]:
    out: list[tuple[ActorRef, float]] = []
    for arg in args:
        if arg.mention.kind == "act":
            resolved = ctx.resolve_act(arg.mention, s, [ref for ref, _ in sources or ()])
        else:
            resolved = ctx.resolve(arg.mention, s)
        for ref in resolved.actors:
            if all(ref != r for r, _ in out):
                out.append((ref, resolved.quality * VIA_QUALITY[arg.via]))
    return out


def events_of(
    ctx: ArticleContext, article: ArticleInput, cand: Candidate, s: ParsedSentence
) -> list[ExtractedEvent]:
    """Return the events of one candidate: its resolved actors, coded and dated."""
    sources = _resolve_args(ctx, cand.sources, s)
    if cand.pairwise:
        pairs = [(a, b) for i, a in enumerate(sources) for b in sources[i + 1 :]]
    else:
        targets = _resolve_args(ctx, cand.targets, s, sources)
        targets = _speaker_for_own_pronoun(ctx, cand, s, sources, targets)
        pairs = [(a, b) for a in sources for b in targets]
    pairs = [
        (a, b) for a, b in pairs if not _same_actor(a[0], b[0]) and not _own_country(a[0], b[0])
    ]
    if cand.own_side is not None:
        pairs = [(a, b) for a, b in pairs if _names_side_of(ctx, s, cand.own_side, (a[0],))]
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
    events = []
    for (src, src_q), (tgt, tgt_q) in pairs:
        code = code_for_source(_code_for_target(cameo, tgt), src.type)
        info = code_info(code)
        mod = modality(cand.anchor, cand.rule, _speaker_is_participant(ctx, cand, s, src, tgt))
        if refused is not None and mod in ("intended", "hypothetical"):
            mod = "asserted"  # "would not negotiate" states a refusal now
        elif mod == "intended" and code[:2] in THREATENED_FORCE_ROOTS and not negated:
            # "wants to attack Seoul", "will strike the camps": a threat made now.
            code, mod = THREAT_OF_FORCE, "asserted"
            info = code_info(code)
        events.append(
            ExtractedEvent(
                source=src,
                target=tgt,
                action=action,
                cameo=code,
                goldstein=info.goldstein,
                quad_class=info.quad_class,
                negated=negated,
                modality=mod,
                date=_date(article, cand, mod),
                location=_location(cand),
                sentence_index=s.index,
                sentence=s.span.text.strip(),
                trigger=cand.trigger_text,
                confidence=round(max(0.05, min(0.99, cand.rule.weight * min(src_q, tgt_q))), 2),
            )
        )
    return events


def _speaker_for_own_pronoun(
    ctx: ArticleContext,
    cand: Candidate,
    s: ParsedSentence,
    sources: list[tuple[ActorRef, float]],
    targets: list[tuple[ActorRef, float]],
) -> list[tuple[ActorRef, float]]:
    """Return the targets, an "it" the reported clause's own subject becoming the speaker.

    "Iran said Israel had attacked its nuclear sites": "its" read as Israel would make
    Israel act on itself; in reported speech it is the speaker's (Iran's). Returns
    ``targets`` unchanged unless every target is on a source's side.
    """
    if not targets or not any(a.mention.kind == "it" for a in cand.targets):
        return targets
    if not all(same_side(t, src) for t, _ in targets for src, _ in sources[:1]):
        return targets
    speaker = reporting_speaker(cand.anchor)
    mention = mention_at(speaker, ctx.gaz) if speaker is not None else None
    if mention is None:
        return targets
    resolved = ctx.resolve(mention, s)
    others = [
        (ref, resolved.quality * VIA_QUALITY["inside"])
        for ref in resolved.actors
        if not any(same_side(ref, src) for src, _ in sources)
    ]
    return others or targets


def _names_side_of(
    ctx: ArticleContext, s: ParsedSentence, token: Token, actors: tuple[ActorRef, ...]
) -> bool:
    """Return True when ``token`` names one of ``actors`` or its state ("Iran warned [it]")."""
    mention = mention_at(token, ctx.gaz)
    if mention is None:
        return False
    refs = ctx.resolve(mention, s).actors
    if mention.kind == "people":
        # "Syrian media reported Assad thanked Putin": a state's people do not speak for it.
        return any(ref.name == actor.name for ref in refs for actor in actors)
    return any(same_side(ref, actor) for ref in refs for actor in actors)


def _code_for_target(cameo: str, target: ActorRef) -> str:
    """Return the code of an act on ``target``: leaving a body reduces relations with it.

    "withdrew troops from Mali" is a military pull-back (087); "withdrew from the Joint
    Military Staff Committee" or "quit ECOWAS" reduces relations (160).
    """
    if cameo.startswith("087") and target.type in ("igo", "organization"):
        return "160"
    return cameo


def _speaker_is_participant(
    ctx: ArticleContext, cand: Candidate, s: ParsedSentence, src: ActorRef, tgt: ActorRef
) -> bool:
    speaker = reporting_speaker(cand.anchor)
    return speaker is None or _names_side_of(ctx, s, speaker, (src, tgt))


def _date(article: ArticleInput, cand: Candidate, mod: str) -> date | None:
    """Return the date of a DATE expression attached to the trigger, else a default.

    Asserted and reported events default to the publication date (news reports
    what just happened); planned or hypothetical ones to unknown (None).
    """
    anchors = {cand.trigger.i, cand.anchor.i}
    if cand.anchor == cand.trigger and cand.trigger.dep_ in ("nsubj", "dobj"):
        anchors.add(cand.trigger.head.i)  # "Macron's visit ended on Tuesday"
    future = any(c.lower_ in FUTURE_AUX for c in cand.anchor.children)
    for ent in cand.trigger.sent.ents:
        if ent.label_ == "DATE" and _attached(ent.root, anchors):
            resolved = resolve_date(ent.text, article.published, future=future)
            if resolved is not None:
                return resolved
    return article.published if mod in ("asserted", "reported") else None


def _location(cand: Candidate) -> str | None:
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


def _attached(token: Token, anchors: set[int], hops: int = 3) -> bool:
    """Return True when ``token`` depends on an anchor within ``hops`` without crossing a verb."""
    for _ in range(hops):
        if token.i in anchors or token.head.i in anchors:
            return True
        if token.head == token or token.head.pos_ == "VERB":
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


def _parse_sentences(docs: list[Doc]) -> list[ParsedSentence]:
    """Return the non-empty sentences, numbered as ``sentence_spans`` numbers them."""
    out: list[ParsedSentence] = []
    offset = 0
    for doc in docs:
        for sent in doc.sents:
            if sent.text.strip():
                out.append(ParsedSentence(len(out), sent, offset))
        offset += len(doc)
    return out


def _extract_parsed(
    article: ArticleInput, paras: list[Paragraph], docs: list[Doc]
) -> ExtractedArticle:
    gaz = gazetteer().on(article.published)
    spans = sentence_spans(paras, docs)
    sentences = _parse_sentences(docs)
    ctx = ArticleContext(gaz)
    ctx.register_people(sentences)
    events: list[ExtractedEvent] = []
    for s in sentences:
        check_budget()
        ctx.note_subjects(s)
        note_acts(ctx, s)
        found_candidates = [
            *candidates(s.span, gaz),
            *construction_candidates(s.span, gaz),
            *adjective_candidates(s.span, gaz),
        ]
        for cand in found_candidates:
            found = events_of(ctx, article, cand, s)
            events.extend(found)
            note_candidate_act(ctx, s, cand, found)
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
    """Yield the extraction of each article, parsing all paragraphs through one ``nlp.pipe``
    (on one BLAS thread, :func:`~diplograph.ingest.nlp.one_blas_thread`)."""
    with one_blas_thread():
        yield from _extract_many(articles, nlp or get_nlp(), batch_size)


def _extract_many(
    articles: Iterable[ArticleInput], model: Language, batch_size: int
) -> Iterator[ExtractedArticle]:
    """Yield the extraction of each article, parsing all paragraphs through ``model.pipe``."""

    def paragraph_stream() -> Iterator[tuple[str, tuple[int, ArticleInput, Paragraph]]]:
        for n, art in enumerate(articles):
            paras = paragraphs(art.text)
            if not paras:
                yield "", (n, art, Paragraph(0, 0, ""))
            for p in paras:
                check_budget()
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


WARM_UP = ArticleInput(
    id="warm-up",
    text="The Russian President Vladimir Putin met Syrian President Bashar al-Assad in "
    "Moscow on Monday. France condemned the attack, the foreign minister said.",
    published=date(2020, 1, 6),
)
"""An article whose extraction reads every table an article can need (the model, the
gazetteer, people by date, verb patterns, the lexicon): they load on first use."""


def warm_up() -> None:
    """Load the pipeline and every table extraction reads, by extracting :data:`WARM_UP`.
    Returns nothing."""
    extract_one(WARM_UP)
