"""Extraction quality on the gold dev articles, scored by the shared scorer (slow).

The seed article's gold lives in ``../shared/eval/dev``; the project's own dev
articles in ``eval/dev``; the check and blind sets (written after the rules, then used
to find general gaps) in ``eval/check``, ``eval/blind`` and ``eval/blind2``. The floors
are set a little under today's figures so a change that loses events fails here
(README "Extraction quality" has the figures).
"""

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from diplograph.ingest.pipeline import extract_many
from diplograph.ingest.records import event_record
from diplograph.ingest.sources import parse_date
from diplograph.ingest.types import ArticleInput

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def _scorer() -> ModuleType:
    if not SCORER.exists():
        pytest.skip(f"the shared scorer is not beside the repository ({SCORER})")
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _entity_f1(paths: list[Path]) -> tuple[float, float]:
    """Return the micro entity-level and country-level F1 over the gold files."""
    score = _scorer()
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
    articles = [
        ArticleInput(id=g["id"], text=g["text"], published=parse_date(g["published"]))
        for g in golds
    ]
    totals = dict(tp=0, fp=0, fn=0, ctp=0, cfp=0, cfn=0)
    for gold, extracted in zip(golds, extract_many(articles), strict=True):
        events = [event_record(ev, gold["id"]) for ev in extracted.events]
        result = score.score_article(gold, events)
        for key in totals:
            totals[key] += result[key]
    _, _, entity = score.prf(totals["tp"], totals["fp"], totals["fn"])
    _, _, country = score.prf(totals["ctp"], totals["cfp"], totals["cfn"])
    return entity, country


def test_seed_article_scores_at_least_0_9() -> None:
    entity, country = _entity_f1(sorted((ROOT.parent / "shared" / "eval" / "dev").glob("*.json")))
    assert (entity >= 0.9, country >= 0.9) == (True, True), (entity, country)


def test_own_dev_articles_score_at_least_0_88() -> None:
    entity, country = _entity_f1(sorted((ROOT / "eval" / "dev").glob("*.json")))
    assert (entity >= 0.88, country >= 0.88) == (True, True), (entity, country)


def test_check_and_blind_articles_score_at_least_0_75() -> None:
    paths = [p for d in ("check", "blind", "blind2") for p in (ROOT / "eval" / d).glob("*.json")]
    entity, country = _entity_f1(sorted(paths))
    assert (entity >= 0.75, country >= 0.75) == (True, True), (entity, country)
