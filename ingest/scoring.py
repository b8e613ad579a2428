"""Scoring extracted events against gold articles, by the matching rules of the annotation guide.

A gold article (``eval/*/*.json``) names its actors with every acceptable
surface form and lists its events as (source keys, target keys, CAMEO roots,
symmetric, required). Predictions are reduced per article to unique
(source name, target name, root) triples; a triple matches a gold event when
both names denote one of its actor keys and its root is listed (either
direction when symmetric). Matches to optional gold events count neither
way. The country level compares (source country, target country, root)
with the gold actors' ISO codes.

Examples
--------
>>> normalize_name("The Russian President's-office")
'russian president office'
>>> name_matches("Russian President Vladimir Putin", "Vladimir Putin")
True
>>> name_matches("Putin", "Putina")
False
>>> prf(3, 1, 1)
(0.75, 0.75, 0.75)
"""

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Triple = tuple[str, str, str]
CountryTriple = tuple[str | None, str | None, str]


@dataclass(frozen=True)
class GoldActor:
    """One actor of a gold article: every name that denotes it and its ISO alpha-3 country."""

    names: tuple[str, ...]
    country: str | None


@dataclass(frozen=True)
class GoldEvent:
    """One gold event: acceptable source and target actor keys and CAMEO roots."""

    source: tuple[str, ...]
    target: tuple[str, ...]
    roots: tuple[str, ...]
    symmetric: bool
    required: bool
    note: str = ""


@dataclass(frozen=True)
class GoldArticle:
    """A gold article: its text, publication date, actors and events."""

    id: str
    published: str
    text: str
    actors: Mapping[str, GoldActor]
    events: tuple[GoldEvent, ...]


@dataclass
class Counts:
    """True positives, false positives and false negatives at the entity and country levels."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    ctp: int = 0
    cfp: int = 0
    cfn: int = 0

    def add(self, other: "Counts") -> None:
        """Add ``other`` into these counts; returns nothing."""
        for name in ("tp", "fp", "fn", "ctp", "cfp", "cfn"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class ArticleScore:
    """The score of one article: counts, the required gold events found, predictions made."""

    counts: Counts
    found: set[int] = field(default_factory=set)
    predicted: int = 0


def normalize_name(name: str | None) -> str:
    """Return ``name`` lower-cased, without punctuation, possessive 's or a leading 'the'."""
    text = (name or "").lower().replace("\u2019", "'").replace("-", " ").replace(".", "")
    text = re.sub(r"[^a-z0-9' ]+", " ", text)
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"^the ", "", text.strip())
    return re.sub(r"\s+", " ", text).strip()


def name_matches(predicted: str, alias: str) -> bool:
    """Return True when the names are equal after normalizing, or one ends with the other."""
    p, a = normalize_name(predicted), normalize_name(alias)
    if not p or not a:
        return False
    return p == a or p.endswith(" " + a) or a.endswith(" " + p)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Return precision, recall and F1 (0.0 where undefined)."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def gold_article(data: Mapping[str, Any]) -> GoldArticle:
    """Return the gold article in a parsed JSON object (see ``ANNOTATION.md``)."""
    actors = {
        key: GoldActor(names=tuple(actor["names"]), country=actor.get("country"))
        for key, actor in data["actors"].items()
    }
    events = tuple(
        GoldEvent(
            source=tuple(event["source"]),
            target=tuple(event["target"]),
            roots=tuple(event["roots"]),
            symmetric=bool(event.get("symmetric", False)),
            required=bool(event.get("required", True)),
            note=event.get("note", ""),
        )
        for event in data["events"]
    )
    return GoldArticle(
        id=data["id"],
        published=data.get("published", ""),
        text=data["text"],
        actors=actors,
        events=events,
    )


def load_gold(paths: Iterable[Path]) -> list[GoldArticle]:
    """Return the gold articles in ``.json`` files (an object or a list) and ``.jsonl`` files."""
    articles: list[GoldArticle] = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".jsonl":
            articles += [
                gold_article(json.loads(line)) for line in text.splitlines() if line.strip()
            ]
            continue
        data = json.loads(text)
        articles += [gold_article(item) for item in (data if isinstance(data, list) else [data])]
    return articles


def _actor(event: Mapping[str, Any], side: str) -> tuple[str, str | None]:
    value = event.get(side)
    if isinstance(value, Mapping):
        return str(value.get("name") or ""), value.get("country")
    return str(value or ""), event.get(f"{side}_country")


def predicted_triples(
    events: Iterable[Mapping[str, Any]],
) -> tuple[set[Triple], set[CountryTriple]]:
    """Return the unique entity and country triples of the events that are not negated."""
    entity: set[Triple] = set()
    country: set[CountryTriple] = set()
    for event in events:
        if event.get("negated") in (True, "true", 1):
            continue
        code = str(event.get("cameo") or event.get("code") or "")
        if len(code) < 2 or not code[:2].isdigit():
            continue
        (source, source_country), (target, target_country) = (
            _actor(event, "source"),
            _actor(event, "target"),
        )
        entity.add((source, target, code[:2]))
        country.add((source_country, target_country, code[:2]))
    return entity, country


def actor_keys(name: str, actors: Mapping[str, GoldActor]) -> set[str]:
    """Return the gold actors ``name`` denotes: exact alias matches win over lenient ones."""
    norm = normalize_name(name)
    exact = {
        key for key, actor in actors.items() if any(normalize_name(a) == norm for a in actor.names)
    }
    if exact:
        return exact
    return {key for key, actor in actors.items() if any(name_matches(name, a) for a in actor.names)}


def _entity_hit(article: GoldArticle, event: GoldEvent, triple: Triple) -> bool:
    source, target, root = triple
    if root not in event.roots:
        return False
    source_keys, target_keys = (
        actor_keys(source, article.actors),
        actor_keys(target, article.actors),
    )
    if source_keys & set(event.source) and target_keys & set(event.target):
        return True
    return event.symmetric and bool(
        target_keys & set(event.source) and source_keys & set(event.target)
    )


def country_triples(article: GoldArticle, event: GoldEvent) -> set[CountryTriple]:
    """Return the (source country, target country, root) triples a gold event stands for."""

    def countries(keys: tuple[str, ...]) -> set[str]:
        return {c for k in keys if (c := article.actors[k].country)}

    triples: set[CountryTriple] = set()
    for source in countries(event.source):
        for target in countries(event.target):
            for root in event.roots:
                triples.add((source, target, root))
                if event.symmetric:
                    triples.add((target, source, root))
    return triples


def score_article(article: GoldArticle, events: Iterable[Mapping[str, Any]]) -> ArticleScore:
    """Return the entity- and country-level counts of ``events`` against ``article``'s gold."""
    entity, country = predicted_triples(events)
    required = [i for i, e in enumerate(article.events) if e.required]
    counts = Counts()
    found: set[int] = set()
    for triple in entity:
        hits = [i for i, e in enumerate(article.events) if _entity_hit(article, e, triple)]
        required_hits = [i for i in hits if article.events[i].required]
        if required_hits:
            counts.tp += 1
            found.update(required_hits)
        elif not hits:
            counts.fp += 1
    counts.fn = len([i for i in required if i not in found])

    expanded = {i: country_triples(article, e) for i, e in enumerate(article.events)}
    any_gold = set().union(*expanded.values()) if expanded else set()
    country_found: set[int] = set()
    for country_triple in country:
        if not country_triple[0] or not country_triple[1]:
            continue
        hit = [i for i in required if country_triple in expanded[i]]
        if hit:
            counts.ctp += 1
            country_found.update(hit)
        elif country_triple not in any_gold:
            counts.cfp += 1
    counts.cfn = len([i for i in required if expanded[i] and i not in country_found])
    return ArticleScore(counts=counts, found=found, predicted=len(entity))


def missed_notes(article: GoldArticle, score: ArticleScore) -> list[str]:
    """Return the notes of the required gold events the predictions did not find."""
    return [e.note for i, e in enumerate(article.events) if e.required and i not in score.found]
