"""``diplograph import-events``: GDELT 1.0/2.0 exports and ICEWS files, stored as imported."""

from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select

from diplograph.app.main import create_app
from diplograph.core.models import ActorRow, ArticleRow, EventRow
from diplograph.core.settings import Settings
from tests.test_cli import invoke, upgraded_database

URL_A = "https://news.example.org/2024/01/05/visit"
URL_B = "https://wire.example.com/story/17"


def gdelt_row(
    event_id: str,
    actor1: tuple[str, str, str, str],
    actor2: tuple[str, str, str, str],
    code: str,
    *,
    width: int = 61,
    day: str = "20240105",
    url: str = URL_A,
    place: str = "Moscow, Moskva, Russia",
) -> str:
    """Return one tab-separated GDELT export row; an actor is (code, name, country, type1)."""
    fields = [""] * width
    fields[0], fields[1] = event_id, day
    for start, (actor_code, name, country, type1) in ((5, actor1), (15, actor2)):
        fields[start], fields[start + 1], fields[start + 2] = actor_code, name, country
        fields[start + 7] = type1
    fields[25], fields[26], fields[27], fields[28] = "1", code, code[:3], code[:2]
    fields[29], fields[30] = "1", "1.9"
    fields[52 if width == 61 else 50] = place
    if width != 57:
        fields[-1] = url
    return "\t".join(fields)


RUSSIA = ("RUS", "RUSSIA", "RUS", "")
PUTIN = ("RUSGOV", "VLADIMIR PUTIN", "RUS", "GOV")
EGYPT = ("EGYGOV", "EGYPT", "EGY", "GOV")
ICEWS = (
    "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\t"
    "CAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\t"
    "Sentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude\n"
    "926685\t2024-01-07\tChina\t\tChina\tCriticize or denounce\t111\t-2.0\tJapan\t\tJapan\t"
    "28235806\t1\tXinhua\tBeijing\t\t\tChina\t39.9\t116.4\n"
    "926686\t2024-01-07\tArmed Forces (Japan)\tMilitary,Government\tJapan\tMake statement\t"
    "010\t0.0\t\t\t\t28235807\t2\tKyodo\t\t\t\t\t\t\n"
    "926687\tsoon\tChina\t\tChina\tConsult\t040\t1.0\tJapan\t\tJapan\t28235808\t1\tXinhua\t\t\t\t"
    "\t\t\n"
)


def stored(url: str) -> list[tuple[object, ...]]:
    """Return every event as (external id, origin, version, source, target, code, date, place,
    article title, article URL, evidence)."""
    engine = create_engine(url)
    source, target = ActorRow.__table__.alias("s"), ActorRow.__table__.alias("t")
    stmt = (
        select(
            EventRow.external_id,
            EventRow.origin,
            EventRow.extractor_version,
            source.c.canonical_name,
            target.c.canonical_name,
            EventRow.cameo_code,
            EventRow.event_date,
            EventRow.location,
            ArticleRow.title,
            ArticleRow.url,
            ArticleRow.origin,
        )
        .join(source, source.c.id == EventRow.source_actor_id)
        .join(target, target.c.id == EventRow.target_actor_id)
        .join(ArticleRow, ArticleRow.id == EventRow.article_id)
        .order_by(EventRow.id)
    )
    try:
        with engine.connect() as conn:
            return [
                tuple(str(v) if v is not None else None for v in row) for row in conn.execute(stmt)
            ]
    finally:
        engine.dispose()


def test_gdelt_1_and_2_exports_are_imported_with_their_urls(tmp_path: Path) -> None:
    url = upgraded_database(tmp_path)
    v2 = tmp_path / "20240105.export.CSV"
    v2.write_text(
        "\n".join(
            [
                gdelt_row("1001", PUTIN, EGYPT, "042"),
                gdelt_row("1002", PUTIN, ("", "", "", ""), "010"),
                gdelt_row("1003", RUSSIA, EGYPT, "0874", url=URL_B),
                "1004\tbroken",
                gdelt_row("1005", EGYPT, RUSSIA, "999"),
            ]
        )
        + "\n"
    )
    v1 = tmp_path / "20130401.export.CSV"
    v1.write_text(gdelt_row("2001", EGYPT, PUTIN, "111", width=58, day="20130401") + "\n")
    result = invoke(["import-events", str(v2), str(v1), "--database-url", url])
    assert result.exit_code == 1
    assert result.stderr == (
        f"skipped {v2}:4: expected 57, 58 or 61 tab-separated columns (GDELT 1.0 or 2.0), "
        "found 2\n"
        "3 events imported from 2 new sources, 0 already stored, 1 one-sided, "
        "1 with an unknown CAMEO code, 1 skipped\n"
    )
    place = "Moscow, Moskva, Russia"
    title_a, title_b = f"[imported from GDELT 2.0] {URL_A}", f"[imported from GDELT 2.0] {URL_B}"
    assert stored(url) == [
        (
            "1001",
            "gdelt",
            "gdelt-2.0",
            "Vladimir Putin",
            "Egypt",
            "042",
            "2024-01-05",
            place,
            title_a,
            URL_A,
            "gdelt",
        ),
        (
            "1003",
            "gdelt",
            "gdelt-2.0",
            "Russia",
            "Egypt",
            "0874",
            "2024-01-05",
            place,
            title_b,
            URL_B,
            "gdelt",
        ),
        (
            "2001",
            "gdelt",
            "gdelt-1.0",
            "Egypt",
            "Vladimir Putin",
            "111",
            "2013-04-01",
            place,
            title_a,
            URL_A,
            "gdelt",
        ),
    ]
    again = invoke(["import-events", str(v1), "--database-url", url])
    assert (again.exit_code, again.stderr) == (
        0,
        "0 events imported from 0 new sources, 1 already stored, 0 one-sided, "
        "0 with an unknown CAMEO code, 0 skipped\n",
    )


def test_icews_rows_are_imported_and_served_with_their_evidence(tmp_path: Path) -> None:
    url = upgraded_database(tmp_path)
    icews = tmp_path / "events.2024.tab"
    icews.write_text(ICEWS)
    result = invoke(["import-events", str(icews), "--database-url", url])
    assert result.exit_code == 1
    assert result.stderr == (
        f"skipped {icews}:4: Event Date 'soon' is not YYYY-MM-DD\n"
        "1 events imported from 1 new sources, 0 already stored, 1 one-sided, "
        "0 with an unknown CAMEO code, 1 skipped\n"
    )
    assert stored(url) == [
        (
            "926685",
            "icews",
            "icews",
            "China",
            "Japan",
            "111",
            "2024-01-07",
            "Beijing, China",
            "[imported from ICEWS] Xinhua 28235806",
            None,
            "icews",
        ),
    ]
    with TestClient(create_app(Settings(database_url=url))) as client:
        event = client.get("/events/1").json()
        assert (event["sentence"], event["trigger"], event["source"]["country"]) == (
            "China -111-> Japan: Criticize or denounce (ICEWS event 926685)",
            "ICEWS event 926685",
            "CHN",
        )
        export = client.get("/graph/export", params={"format": "csv"}).text.splitlines()
        assert export[1].split(",")[:6] == ["1", "20240107", "CHN", "China", "CHN", ""]
        refused = client.post("/articles/1/reextract")
        assert (refused.status_code, refused.json()) == (
            409,
            {"detail": "article 1 was imported from icews: it has no text to extract from"},
        )
    reextract = invoke(["reextract", "--all", "--database-url", url])
    assert reextract.stderr.startswith("re-extracting 0 articles with ")
