"""Expected JSON pieces of the graph API tests, for the actors of ``factories.graph_world``."""

from typing import Any

from tests.factories import (
    ASSAD,
    EGYPT,
    ERDOGAN,
    HAMAS,
    PUTIN,
    SISSI,
    TRUMP,
    actor_json,
)

P, A, ER, EG, SI, TR, HA = (
    actor_json(i, ref)
    for i, ref in enumerate((PUTIN, ASSAD, ERDOGAN, EGYPT, SISSI, TRUMP, HAMAS), start=1)
)


def country(code: str, name: str) -> dict[str, Any]:
    """Return the JSON of a country node."""
    return {"id": code, "name": name, "type": "country", "country": code, "role": None}


RUS, SYR, TUR, EGY, USA = (
    country("RUS", "Russian Federation"),
    country("SYR", "Syria"),
    country("TUR", "Türkiye"),
    country("EGY", "Egypt"),
    country("USA", "United States"),
)


def quads(q1: int = 0, q2: int = 0, q3: int = 0, q4: int = 0) -> dict[str, int]:
    """Return the JSON of quad class counts."""
    return {
        "verbal_cooperation": q1,
        "material_cooperation": q2,
        "verbal_conflict": q3,
        "material_conflict": q4,
    }


def summary(
    ids: list[int],
    outgoing: int,
    q: dict[str, int],
    total: float,
    mean: float,
    first: str | None,
    last: str | None,
) -> dict[str, Any]:
    """Return the JSON of a tie summary."""
    return {
        "events": len(ids),
        "outgoing": outgoing,
        "incoming": len(ids) - outgoing,
        "quad_classes": q,
        "goldstein_sum": total,
        "mean_goldstein": mean,
        "first_date": first,
        "last_date": last,
        "event_ids": ids,
        "mentions": len(ids),
    }


def event(
    id_: int,
    source: int | str,
    target: int | str,
    cameo: str,
    quad_class: int,
    goldstein: float,
    date: str | None,
    sentence: str,
    *,
    confidence: float = 0.9,
    modality: str = "asserted",
    article_id: int = 1,
) -> dict[str, Any]:
    """Return the JSON of an event given as evidence."""
    return {
        "event_id": id_,
        "source": source,
        "target": target,
        "cameo": cameo,
        "quad_class": quad_class,
        "goldstein": goldstein,
        "modality": modality,
        "confidence": confidence,
        "date": date,
        "sentence": sentence,
        "trigger": sentence.split()[1],
        "article_id": article_id,
        "mentions": 1,
        "articles": 1,
    }


MET = event(1, 1, 2, "040", 1, 1.0, "2017-12-11", "Putin met Assad in Latakia.")
CRITICIZED = event(
    2, 1, 3, "111", 3, -2.0, "2017-12-12", "Putin criticized Erdogan.", confidence=0.8
)
HOSTED = event(
    3, 3, 1, "043", 1, 2.8, "2018-01-15", "Erdogan hosted Putin in Ankara.", confidence=0.7
)
VISITED_EGYPT = event(4, 2, 4, "042", 1, 1.9, "2018-02-03", "Assad visited Egypt.", confidence=0.6)
THREATENED = event(5, 5, 6, "138", 3, -7.0, "2018-03-01", "Sissi threatened Trump.")
WILL_VISIT = event(6, 1, 4, "042", 1, 1.9, None, "Putin will visit Egypt.", modality="intended")
ATTACKED = event(8, 7, 4, "190", 4, -10.0, "2018-03-05", "Hamas attacked Egypt.", confidence=0.5)
VISITED_PUTIN = event(
    9,
    2,
    1,
    "042",
    1,
    1.9,
    "2018-05-17",
    "Assad visited Putin in Sochi.",
    confidence=0.95,
    article_id=2,
)
AID = event(
    10, 1, 2, "070", 2, 7.0, "2018-05-18", "Putin sent aid to Assad.", confidence=0.85, article_id=2
)
TRUMP_CRITICIZED = event(
    11, 6, 1, "111", 3, -2.0, "2018-05-20", "Trump criticized Putin.", article_id=2
)
