"""One node per real actor, one event per real occurrence: spellings, states, repeated reports."""

import csv
from datetime import date
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from diplograph.app.client import Client
from diplograph.core.db import transaction
from diplograph.core.identity import NAME_MATCH_THRESHOLD, name_similarity, same_person_name
from diplograph.core.models import ActorClaimRow, ActorRow
from diplograph.core.repositories import actors
from diplograph.core.texts import near_duplicate
from diplograph.ingest.identity import completed_name, known_person
from diplograph.ingest.types import ActorRef
from tests.factories import PUTIN, make_article, make_event, store

ZELENSKY = ActorRef("Volodymyr Zelensky", "person", "UKR", "president", ("Zelensky",))
ZELENSKYY = ActorRef("Volodymyr Zelenskyy", "person", "UKR", "president", ("Zelenskyy",))
ZELENSKIY = ActorRef("Zelenskiy", "person", None, None, ("Zelenskiy",))
MACRON = ActorRef("Emmanuel Macron", "person", "FRA", "president", ("Macron",))
SCHOLZ = ActorRef("Olaf Scholz", "person", "DEU", "chancellor", ("Scholz",))
SISSI = ActorRef("Abdel Fattah el Sissi", "person", "EGY", "president", ("Sissi",))
SISI = ActorRef("Abdel Fattah al-Sisi", "person", "EGY", "president", ("al-Sisi",))
INDIA = ActorRef("India", "country", "IND", None, ())
CANADA = ActorRef("Canada", "country", "CAN", None, ())
INDIAN_MINISTRY = ActorRef("Indian foreign ministry", "government", "IND", None, ())
INDIAN_DIPLOMATS = ActorRef("Indian diplomats", "government", "IND", None, ())
MODI = ActorRef("Narendra Modi", "person", "IND", "prime minister", ("Modi",))
TRUDEAU = ActorRef("Justin Trudeau", "person", "CAN", "prime minister", ("Trudeau",))
TATA = ActorRef("Tata Group", "organization", "IND", None, ())


def read_pairs() -> list[tuple[str, str, str]]:
    """Return the (kind, a, b) rows of the name variants table (as ``bench.names`` reads it)."""
    path = Path(__file__).parent / "data" / "name_variants.tsv"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    return [(row["kind"], row["a"], row["b"]) for row in csv.DictReader(lines, delimiter="\t")]


def test_the_threshold_separates_real_spellings_from_different_people() -> None:
    pairs = read_pairs()
    same = [name_similarity(a, b) for kind, a, b in pairs if kind == "same"]
    different = [name_similarity(a, b) for kind, a, b in pairs if kind == "different"]
    assert (len(same), len(different)) == (29, 29)
    assert (round(min(same), 1), round(max(different), 1)) == (75.0, 54.5)
    assert max(different) < NAME_MATCH_THRESHOLD <= min(same)


def test_name_matching_joins_spellings_and_keeps_namesakes_apart() -> None:
    assert [
        same_person_name("Volodymyr Zelensky", "Volodymyr Zelenskiy"),
        same_person_name("Abdel Fattah el Sissi", "Abdel Fattah al-Sisi"),
        same_person_name("Tayyip Erdogan", "Recep Tayyip Erdogan"),
        same_person_name("Kim Yo Jong", "Kim Jong Un"),
        same_person_name("Kim Min-seok", "Kim Yong-hyun"),
        same_person_name("Li Qiang", "Li Keqiang"),
    ] == [True, True, True, False, False, False]


def test_the_people_table_completes_cut_names_and_knows_spellings() -> None:
    yoon = known_person("Yoon Suk", "KOR")
    sisi = known_person("Abdel Fattah el Sissi", None)
    assert (yoon and yoon.name, sisi and sisi.name) == ("Yoon Suk Yeol", "Abdel Fattah al-Sisi")
    assert known_person("Kim", "KOR") is None
    assert completed_name("Yoon Suk", "President Yoon Suk Yeol in Tokyo said.") == "Yoon Suk Yeol"
    assert completed_name("Yoon Suk", "talks with Yoon Suk Monday") == "Yoon Suk"


def test_near_duplicate_articles() -> None:
    text = "Putin met Assad.\nThey talked for hours.\nThey agreed on a plan."
    assert near_duplicate(text, "Putin  met Assad!\nThey talked for hours.\nThey agreed on a plan")
    assert near_duplicate(text, text.replace("hours", "two hours"))
    assert not near_duplicate(text, text.replace("hours", "days").replace("plan", "truce"))


def test_spellings_across_three_articles_are_one_actor(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    store(
        session_factory,
        make_article("Macron met Zelensky.", [make_event(MACRON, ZELENSKY)]),
        make_article("Scholz met Zelenskyy.", [make_event(SCHOLZ, ZELENSKYY)]),
        make_article(
            "Zelenskiy met Putin.",
            [make_event(ZELENSKIY, PUTIN, when=date(2017, 12, 20))],
            published=date(2017, 12, 20),
        ),
    )
    with session_factory() as session:
        names = sorted(session.scalars(select(ActorRow.canonical_name)))
    assert names == ["Emmanuel Macron", "Olaf Scholz", "Vladimir Putin", "Volodymyr Zelenskiy"]
    body = client.get("/graph/who-met-whom", params={"actor": "Volodymyr Zelenskiy"}).json()
    assert sorted((p["b"]["name"], p["count"]) for p in body["pairs"]) == [
        ("Emmanuel Macron", 1),
        ("Olaf Scholz", 1),
        ("Vladimir Putin", 1),
    ]
    # A spelling no article used still finds the person.
    actor = client.get("/graph/who-met-whom", params={"actor": "Volodimir Zelenskyy"}).json()
    assert actor["actor"]["name"] == "Volodymyr Zelenskiy"


def test_particles_are_one_actor(session_factory: sessionmaker[Session]) -> None:
    store(
        session_factory,
        make_article("Sissi met Putin.", [make_event(SISSI, PUTIN)]),
        make_article("Sisi met Putin again.", [make_event(PUTIN, SISI, cameo="042")]),
    )
    with session_factory() as session:
        names = sorted(session.scalars(select(ActorRow.canonical_name)))
    assert names == ["Abdel Fattah al-Sisi", "Vladimir Putin"]
    with session_factory() as session:
        found = [
            [a.canonical_name for a in actors.lookup(session, n)] for n in ("el Sissi", "Sisi")
        ]
    assert found == [["Abdel Fattah al-Sisi"]] * 2


def test_a_conflicting_claim_is_recorded_not_merged(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    store(session_factory, make_article("Putin met Sissi.", [make_event(PUTIN, SISSI)]))
    chinese_putin = ActorRef("Putin", "person", "CHN", "president", ("Putin",))
    china = ActorRef("China", "country", "CHN", None, ("putin",))
    store(
        session_factory,
        make_article(
            "Chinese President Putin met Egyptian President Sissi in Beijing.",
            [make_event(chinese_putin, SISSI, when=date(2018, 3, 1))],
            published=date(2018, 3, 1),
        ),
        make_article(
            "china putin putin",
            [make_event(china, SISSI, when=date(2018, 4, 1), cameo="111")],
            published=date(2018, 4, 1),
        ),
    )
    with session_factory() as session:
        actors = sorted(session.execute(select(ActorRow.canonical_name, ActorRow.country)).all())
        claims = sorted(
            session.execute(
                select(ActorRow.canonical_name, ActorClaimRow.kind, ActorClaimRow.value).join(
                    ActorRow, ActorRow.id == ActorClaimRow.actor_id
                )
            ).all()
        )
    assert actors == [
        ("Abdel Fattah al-Sisi", "EGY"),
        ("China", "CHN"),
        ("Vladimir Putin", "RUS"),
    ]
    assert claims == [("China", "alias", "putin"), ("Vladimir Putin", "country", "CHN")]
    found = client.get("/events", params={"actor": "Putin"}).json()
    assert (found["total"], found["actor_ids"]) == (2, [1])
    detail = client.get("/actors/1").json()
    assert detail["claims"] == [
        {"kind": "country", "value": "CHN", "article_id": 2, "status": "review"}
    ]


def _india_world(session_factory: sessionmaker[Session]) -> None:
    text = "\n".join(f"s{i}" for i in range(6))
    store(
        session_factory,
        make_article(
            text,
            [
                make_event(INDIAN_DIPLOMATS, CANADA, cameo="111", sentence_index=0),
                make_event(INDIAN_MINISTRY, CANADA, cameo="112", sentence_index=1),
                make_event(MODI, TRUDEAU, cameo="040", sentence_index=2),
                make_event(CANADA, INDIA, cameo="163", sentence_index=3),
                make_event(TATA, CANADA, cameo="061", sentence_index=4),
                make_event(TRUDEAU, INDIAN_DIPLOMATS, cameo="174", sentence_index=5),
            ],
        ),
    )


def test_a_state_stands_for_its_members_on_events(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    _india_world(session_factory)
    india = client.get("/events", params={"actor": "India"}).json()
    alone = client.get("/events", params={"actor": "India", "exact": "true"}).json()
    country = client.get("/events", params={"country": "IND"}).json()
    by_name = client.get("/events", params={"country": "India"}).json()
    assert (india["total"], india["mentions"], alone["total"]) == (5, 5, 1)
    assert (country["total"], by_name["total"]) == (6, 6)  # Tata is Indian, not the state
    assert client.get("/events", params={"country": "Atlantis"}).status_code == 422


def test_a_state_stands_for_its_members_on_the_graph(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    _india_world(session_factory)
    dyad = client.get("/graph/dyad", params={"a": "Canada", "b": "India"}).json()
    assert (dyad["summary"]["events"], dyad["hint"]) == (5, None)
    exact = client.get("/graph/dyad", params={"a": "Canada", "b": "India", "exact": "true"})
    assert (exact.json()["summary"]["events"], exact.json()["hint"]) == (
        1,
        None,
    )
    people = client.get("/graph/dyad", params={"a": "Trudeau", "b": "Indian foreign ministry"})
    assert (people.json()["summary"]["events"], people.json()["hint"]) == (
        0,
        "no events between the nodes Justin Trudeau and Indian foreign ministry; "
        "6 between their states: level=country",
    )
    met = client.get("/graph/who-met-whom", params={"actor": "Canada"}).json()
    # Only the states asked about stand for their members: Modi stays Modi.
    assert [(p["a"]["name"], p["b"]["name"], p["count"]) for p in met["pairs"]] == [
        ("Canada", "Narendra Modi", 1)
    ]


def test_repeated_reports_of_one_meeting_count_once(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    two_sentences = make_article(
        "Putin met Sissi in Cairo.\nThe two leaders also held talks on grain.",
        [
            make_event(PUTIN, SISSI, sentence_index=0, trigger="met"),
            make_event(PUTIN, SISSI, cameo="043", sentence_index=1, trigger="held talks"),
        ],
        url="https://a.example/1",
    )
    next_day = make_article(
        "Sissi received Putin in Cairo on Monday.",
        [make_event(SISSI, PUTIN, cameo="042", trigger="received", when=date(2017, 12, 12))],
        published=date(2017, 12, 12),
        url="https://b.example/2",
    )
    copy = make_article(
        "Putin  met Sissi in Cairo!\nThe two leaders also held talks on grain",
        [make_event(PUTIN, SISSI)],
    )
    results = store(session_factory, two_sentences, next_day, copy)
    assert [(r.created, r.event_ids, r.new_events) for r in results] == [
        (True, (1,), 1),
        (True, (1,), 0),
        (False, (), 0),
    ]
    event = client.get("/events/1").json()
    assert (event["num_mentions"], event["num_articles"], event["num_sources"]) == (3, 2, 2)
    assert [(m["article_id"], m["trigger"]) for m in event["mentions"]] == [
        (1, "met"),
        (1, "held talks"),
        (2, "received"),
    ]
    pairs = client.get("/graph/who-met-whom", params={"actor": "Putin"}).json()["pairs"]
    assert [(p["b"]["name"], p["count"], p["mentions"]) for p in pairs] == [
        ("Abdel Fattah al-Sisi", 1, 3)
    ]
    with transaction(session_factory) as session:
        assert session.scalar(select(func.count()).select_from(ActorRow)) == 2


def test_acts_a_week_apart_stay_two_events(
    client: TestClient, session_factory: sessionmaker[Session]
) -> None:
    store(
        session_factory,
        make_article("Putin met Sissi.", [make_event(PUTIN, SISSI)]),
        make_article(
            "Putin met Sissi again.",
            [make_event(PUTIN, SISSI, when=date(2017, 12, 18))],
            published=date(2017, 12, 18),
        ),
    )
    body = client.get("/events", params={"actor": "Sissi"}).json()
    assert [(e["id"], e["num_mentions"]) for e in body["items"]] == [(1, 1), (2, 1)]


def test_the_client_asks_about_a_state_or_the_node_alone(
    database_url: str, session_factory: sessionmaker[Session]
) -> None:
    _india_world(session_factory)
    with Client.local(database_url, migrate=False) as dg:
        state = dg.dyad("Canada", "India")
        alone = dg.dyad("Canada", "India", exact=True)
        events = dg.events("India")
        indian = dg.events(country="IND", exact=True)
        met = dg.who_met_whom("India")
    assert (state.summary["events"], alone.summary["events"]) == (5, 1)
    assert (len(events), len(indian)) == (5, 6)
    assert met[["a_name", "b_name", "events", "mentions"]].values.tolist() == [
        ["India", "Justin Trudeau", 1, 1]
    ]
