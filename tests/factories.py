"""Plain factory functions for hand-built extraction results, stored data and graph records."""

from collections.abc import Callable, Sequence
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from diplograph.core.db import transaction
from diplograph.graph.records import ActorNode, EventRecord
from diplograph.ingest.budget import ExtractionTimeout
from diplograph.ingest.persist import PersistResult, persist
from diplograph.ingest.types import (
    ActorRef,
    ArticleInput,
    ExtractedArticle,
    ExtractedEvent,
    SentenceSpan,
)

PUTIN = ActorRef("Vladimir Putin", "person", "RUS", "president", ("Putin",))
ASSAD = ActorRef("Bashar al-Assad", "person", "SYR", "president", ("Assad",))
EGYPT = ActorRef("Egypt", "country", "EGY", None, ("Cairo",))
ERDOGAN = ActorRef("Recep Tayyip Erdogan", "person", "TUR", "president", ("Erdogan",))


def make_event(
    source: ActorRef,
    target: ActorRef,
    *,
    cameo: str = "040",
    action: str = "meet",
    sentence_index: int = 0,
    sentence: str = "Putin met Assad.",
    when: date | None = date(2017, 12, 11),
    negated: bool = False,
    modality: str = "asserted",
    trigger: str = "met",
    location: str | None = None,
    goldstein: float = 1.0,
    quad_class: int = 1,
    confidence: float = 0.9,
) -> ExtractedEvent:
    """Return an extracted event with plausible defaults (goldstein 1.0, quad class 1)."""
    return ExtractedEvent(
        source=source,
        target=target,
        action=action,
        cameo=cameo,
        goldstein=goldstein,
        quad_class=quad_class,
        negated=negated,
        modality=modality,
        date=when,
        location=location,
        sentence_index=sentence_index,
        sentence=sentence,
        trigger=trigger,
        confidence=confidence,
    )


def line_sentences(text: str) -> tuple[SentenceSpan, ...]:
    """Return the lines of ``text`` as its sentences (one paragraph each), with offsets."""
    sentences, start = [], 0
    for i, line in enumerate(text.split("\n")):
        sentences.append(SentenceSpan(i, i, line, start, start + len(line)))
        start += len(line) + 1
    return tuple(sentences)


def make_article(
    text: str,
    events: Sequence[ExtractedEvent] = (),
    *,
    published: date | None = date(2017, 12, 11),
    title: str | None = "T",
    url: str | None = None,
) -> ExtractedArticle:
    """Return an extracted article whose lines are its sentences."""
    return ExtractedArticle(
        article=ArticleInput(id="t", text=text, published=published, title=title, url=url),
        sentences=line_sentences(text),
        events=tuple(events),
    )


def store(factory: sessionmaker[Session], *articles: ExtractedArticle) -> list[PersistResult]:
    """Persist ``articles`` in one committed transaction; return what each persist did."""
    with transaction(factory) as session:
        return [persist(session, article) for article in articles]


def fake_ingester(
    events: Sequence[ExtractedEvent] = (),
) -> Callable[[Session, ArticleInput], PersistResult]:
    """Return an ingest function that "extracts" ``events`` from any article, lines as sentences."""

    def ingest(session: Session, article: ArticleInput) -> PersistResult:
        extracted = ExtractedArticle(article, line_sentences(article.text), tuple(events))
        return persist(session, extracted)

    return ingest


def extract_meeting(article: ArticleInput, seconds: float | None) -> ExtractedArticle:
    """ "Extract" Putin meeting Assad from any article, lines as sentences: an extraction
    the app's extraction process can run (``app.state.extract``; module-level, so pickled
    by name) without the spaCy model."""
    return ExtractedArticle(article, line_sentences(article.text), (make_event(PUTIN, ASSAD),))


def extract_out_of_time(article: ArticleInput, seconds: float | None) -> ExtractedArticle:
    """Run out of the extraction's time budget at once (in the extraction process)."""
    raise ExtractionTimeout("the article's extraction ran out of time")


def node(id_: int, name: str, country: str | None = None) -> ActorNode:
    """Return a person actor node."""
    return ActorNode(id_, name, "person", country, None)


def record(
    id_: int,
    source: ActorNode,
    target: ActorNode,
    cameo: str = "040",
    *,
    when: date | None = date(2017, 1, 5),
    negated: bool = False,
    modality: str = "asserted",
    sentence: str = "They met.",
    trigger: str = "met",
    quad_class: int = 1,
    goldstein: float = 1.0,
    confidence: float = 0.9,
) -> EventRecord:
    """Return a graph event record (article 1, sentence id = event id)."""
    return EventRecord(
        id=id_,
        source=source,
        target=target,
        cameo=cameo,
        quad_class=quad_class,
        goldstein=goldstein,
        date=when,
        modality=modality,
        confidence=confidence,
        negated=negated,
        article_id=1,
        sentence_id=id_,
        sentence=sentence,
        trigger=trigger,
    )


WORLD_TEXT = (
    "Putin met Assad in Latakia.\n"
    "Putin criticized Egypt.\n"
    "Erdogan hosted Putin in Ankara.\n"
    "Assad did not meet Erdogan.\n"
    "Erdogan plans to meet Assad."
)
SOCHI_TEXT = "Assad visited Putin in Sochi."


def world() -> list[ExtractedArticle]:
    """Return two articles whose six events make the API tests' world.

    Stored in a fresh database, the actors get ids Putin 1, Assad 2, Egypt 3,
    Erdogan 4 and the events ids 1-6: (1) Putin met Assad, (2) Putin criticized
    Egypt, (3) Erdogan hosted Putin a day later, (4) Assad did not meet Erdogan,
    (5) Erdogan plans to meet Assad (undated), and in the second article
    (6) Assad visited Putin in May 2018.
    """
    lines = WORLD_TEXT.split("\n")
    first = make_article(
        WORLD_TEXT,
        [
            make_event(PUTIN, ASSAD, sentence=lines[0], location="Latakia"),
            make_event(
                PUTIN,
                EGYPT,
                cameo="111",
                action="criticize",
                sentence_index=1,
                sentence=lines[1],
                trigger="criticized",
            ),
            make_event(
                ERDOGAN,
                PUTIN,
                cameo="043",
                action="host",
                sentence_index=2,
                sentence=lines[2],
                when=date(2017, 12, 12),
                trigger="hosted",
                location="Ankara",
            ),
            make_event(
                ASSAD, ERDOGAN, sentence_index=3, sentence=lines[3], negated=True, trigger="meet"
            ),
            make_event(
                ERDOGAN,
                ASSAD,
                sentence_index=4,
                sentence=lines[4],
                when=None,
                modality="intended",
                trigger="plans to meet",
            ),
        ],
        title="Putin in Syria",
        url="https://example.org/putin-syria",
    )
    second = make_article(
        SOCHI_TEXT,
        [
            make_event(
                ASSAD,
                PUTIN,
                cameo="042",
                action="visit",
                sentence=SOCHI_TEXT,
                when=date(2018, 5, 17),
                trigger="visited",
                location="Sochi",
            )
        ],
        published=date(2018, 5, 17),
        title="Assad in Sochi",
    )
    return [first, second]


def actor_json(id_: int, ref: ActorRef) -> dict[str, object]:
    """Return the API form of the actor ``ref`` stored with id ``id_``."""
    return {"id": id_, "name": ref.name, "type": ref.type, "country": ref.country, "role": ref.role}


SISSI = ActorRef("Abdel Fattah al-Sisi", "person", "EGY", "president", ("Sissi",))
TRUMP = ActorRef("Donald Trump", "person", "USA", "president", ("Trump",))
HAMAS = ActorRef("Hamas", "group", None, None, ())
GRAPH_TEXT = (
    "Putin met Assad in Latakia.\n"
    "Putin criticized Erdogan.\n"
    "Erdogan hosted Putin in Ankara.\n"
    "Assad visited Egypt.\n"
    "Sissi threatened Trump.\n"
    "Putin will visit Egypt.\n"
    "Erdogan did not meet Assad.\n"
    "Hamas attacked Egypt."
)
GRAPH_LATER_TEXT = (
    "Assad visited Putin in Sochi.\nPutin sent aid to Assad.\nTrump criticized Putin."
)


def graph_world() -> list[ExtractedArticle]:
    """Return two articles whose eleven events make the graph API tests' world.

    Stored in a fresh database the actors get ids Putin 1, Assad 2, Erdogan 3,
    Egypt 4, Sissi 5, Trump 6, Hamas 7 (no country) and the events ids 1-11,
    one per line of ``GRAPH_TEXT`` then ``GRAPH_LATER_TEXT``:

    ==  =================  ====  ==  =====  ==========  ===========================
    id  source -> target   CAMEO  q  gold.  date        note
    ==  =================  ====  ==  =====  ==========  ===========================
    1   Putin -> Assad     040   1   1.0    2017-12-11  confidence 0.9
    2   Putin -> Erdogan   111   3   -2.0   2017-12-12  confidence 0.8
    3   Erdogan -> Putin   043   1   2.8    2018-01-15  confidence 0.7
    4   Assad -> Egypt     042   1   1.9    2018-02-03  confidence 0.6
    5   Sissi -> Trump     138   3   -7.0   2018-03-01
    6   Putin -> Egypt     042   1   1.9    undated     intended
    7   Erdogan -> Assad   040   1   1.0    2017-12-11  negated
    8   Hamas -> Egypt     190   4   -10.0  2018-03-05  confidence 0.5
    9   Assad -> Putin     042   1   1.9    2018-05-17  confidence 0.95
    10  Putin -> Assad     070   2   7.0    2018-05-18  confidence 0.85
    11  Trump -> Putin     111   3   -2.0   2018-05-20
    ==  =================  ====  ==  =====  ==========  ===========================

    Confidence is 0.9 where not given.
    """
    first_lines = GRAPH_TEXT.split("\n")
    later_lines = GRAPH_LATER_TEXT.split("\n")
    rows: list[tuple[ActorRef, ActorRef, str, int, float, date | None, dict[str, object]]] = [
        (PUTIN, ASSAD, "040", 1, 1.0, date(2017, 12, 11), {}),
        (PUTIN, ERDOGAN, "111", 3, -2.0, date(2017, 12, 12), {"confidence": 0.8}),
        (ERDOGAN, PUTIN, "043", 1, 2.8, date(2018, 1, 15), {"confidence": 0.7}),
        (ASSAD, EGYPT, "042", 1, 1.9, date(2018, 2, 3), {"confidence": 0.6}),
        (SISSI, TRUMP, "138", 3, -7.0, date(2018, 3, 1), {}),
        (PUTIN, EGYPT, "042", 1, 1.9, None, {"modality": "intended"}),
        (ERDOGAN, ASSAD, "040", 1, 1.0, date(2017, 12, 11), {"negated": True}),
        (HAMAS, EGYPT, "190", 4, -10.0, date(2018, 3, 5), {"confidence": 0.5}),
    ]
    later: list[tuple[ActorRef, ActorRef, str, int, float, date | None, dict[str, object]]] = [
        (ASSAD, PUTIN, "042", 1, 1.9, date(2018, 5, 17), {"confidence": 0.95}),
        (PUTIN, ASSAD, "070", 2, 7.0, date(2018, 5, 18), {"confidence": 0.85}),
        (TRUMP, PUTIN, "111", 3, -2.0, date(2018, 5, 20), {}),
    ]

    def events(
        specs: list[tuple[ActorRef, ActorRef, str, int, float, date | None, dict[str, object]]],
        lines: list[str],
    ) -> list[ExtractedEvent]:
        return [
            make_event(
                source,
                target,
                cameo=cameo,
                quad_class=quad,
                goldstein=goldstein,
                when=when,
                sentence_index=i,
                sentence=lines[i],
                trigger=lines[i].split()[1],
                **extra,
            )
            for i, (source, target, cameo, quad, goldstein, when, extra) in enumerate(specs)
        ]

    return [
        make_article(GRAPH_TEXT, events(rows, first_lines), title="Graph world"),
        make_article(
            GRAPH_LATER_TEXT,
            events(later, later_lines),
            published=date(2018, 5, 17),
            title="Graph world, later",
        ),
    ]
