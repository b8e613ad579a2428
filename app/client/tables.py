"""Turn the API's JSON answers into pandas DataFrames with fixed columns and dtypes.

Every table has the same columns and dtypes whatever the answer holds (an
empty answer gives an empty table with the right dtypes): whole numbers are
``int64``, scores ``float64``, text pandas' ``str`` (missing = NaN), dates
``datetime64[ns]`` (missing = NaT), timestamps ``datetime64[ns, UTC]``, and
lists of ids or names plain Python lists in ``object`` columns. Node ids are
``int64`` at level ``actor`` and ``str`` (ISO alpha-3) at level ``country``.
"""

from collections.abc import Mapping, Sequence
from typing import Any, Literal

import pandas as pd

Kind = Literal["int", "float", "bool", "str", "date", "timestamp", "list"]
Level = Literal["actor", "country"]
Row = dict[str, Any]

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
"""The four CAMEO quad classes, in class order (1 to 4), as column names."""


def frame(rows: Sequence[Mapping[str, Any]], columns: Mapping[str, Kind]) -> pd.DataFrame:
    """Return ``rows`` as a DataFrame with exactly ``columns``, each converted to its kind.

    Examples
    --------
    >>> df = frame([{"id": 1, "date": "2017-12-11"}, {"id": 2, "date": None}],
    ...            {"id": "int", "date": "date"})
    >>> df.dtypes.astype(str).to_dict()
    {'id': 'int64', 'date': 'datetime64[ns]'}
    >>> df["date"].tolist()
    [Timestamp('2017-12-11 00:00:00'), NaT]
    """
    df = pd.DataFrame([dict(r) for r in rows], columns=list(columns))
    for name, kind in columns.items():
        df[name] = _convert(df[name], kind)
    return df


def _convert(column: pd.Series, kind: Kind) -> pd.Series:
    if kind == "int":
        return column.astype("int64")
    if kind == "float":
        return column.astype("float64")
    if kind == "bool":
        return column.astype("bool")
    if kind == "str":
        return column.astype("str")
    if kind == "date":
        return pd.to_datetime(column, format="ISO8601").astype("datetime64[ns]")
    if kind == "timestamp":
        return pd.to_datetime(column, format="ISO8601", utc=True).astype("datetime64[ns, UTC]")
    return column.astype("object")


def id_kind(level: Level) -> Kind:
    """Return the kind of node ids at ``level``: actor ids are ints, countries ISO codes."""
    return "int" if level == "actor" else "str"


def node_columns(prefix: str, level: Level) -> dict[str, Kind]:
    """Return the columns of a node flattened with ``prefix`` (``a_`` gives ``a_id``...)."""
    return {
        f"{prefix}id": id_kind(level),
        f"{prefix}name": "str",
        f"{prefix}type": "str",
        f"{prefix}country": "str",
    }


def node_values(prefix: str, node: Mapping[str, Any]) -> Row:
    """Return the values of ``node`` under the columns of :func:`node_columns`."""
    return {f"{prefix}{k}": node[k] for k in ("id", "name", "type", "country")}


SUMMARY_COLUMNS: dict[str, Kind] = {
    "events": "int",
    "outgoing": "int",
    "incoming": "int",
    **dict.fromkeys(QUADS, "int"),
    "goldstein_sum": "float",
    "mean_goldstein": "float",
    "first_date": "date",
    "last_date": "date",
    "event_ids": "list",
}
"""The columns of a tie summary: counts, quad classes, Goldstein, dates and event ids."""


def summary_values(summary: Mapping[str, Any]) -> Row:
    """Return a tie summary flattened under :data:`SUMMARY_COLUMNS`."""
    row = {k: summary[k] for k in SUMMARY_COLUMNS if k not in QUADS}
    row.update({q: summary["quad_classes"][q] for q in QUADS})
    return row


EVENT_COLUMNS: dict[str, Kind] = {
    "id": "int",
    "date": "date",
    "source_id": "int",
    "source_name": "str",
    "source_country": "str",
    "target_id": "int",
    "target_name": "str",
    "target_country": "str",
    "action": "str",
    "cameo": "str",
    "quad_class": "int",
    "goldstein": "float",
    "modality": "str",
    "negated": "bool",
    "confidence": "float",
    "location": "str",
    "trigger": "str",
    "sentence": "str",
    "sentence_index": "int",
    "article_id": "int",
}


def events_table(items: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """Return events (``EventOut`` JSON) as a table, one row per event."""
    rows = []
    for ev in items:
        row = {k: ev.get(k) for k in EVENT_COLUMNS}
        for side in ("source", "target"):
            row.update({f"{side}_{k}": ev[side][k] for k in ("id", "name", "country")})
        rows.append(row)
    return frame(rows, EVENT_COLUMNS)


ACTOR_COLUMNS: dict[str, Kind] = {
    "id": "int",
    "name": "str",
    "type": "str",
    "country": "str",
    "role": "str",
    "aliases": "list",
    "events_as_source": "int",
    "events_as_target": "int",
}


def actors_table(items: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """Return actors (``ActorDetail`` JSON) as a table, one row per actor."""
    return frame(items, ACTOR_COLUMNS)


ARTICLE_COLUMNS: dict[str, Kind] = {
    "id": "int",
    "title": "str",
    "url": "str",
    "published": "date",
    "ingested_at": "timestamp",
    "events": "int",
}


def articles_table(items: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """Return articles (``ArticleSummary`` JSON) as a table, one row per article."""
    return frame(items, ARTICLE_COLUMNS)


INGEST_COLUMNS: dict[str, Kind] = {
    "source": "str",
    "article_id": "int",
    "created": "bool",
    "events": "int",
    "event_ids": "list",
}


def ingest_row(source: str, answer: Mapping[str, Any]) -> Row:
    """Return one row of the ingest table from the answer to ``POST /articles``."""
    return {
        "source": source,
        "article_id": answer["article_id"],
        "created": answer["created"],
        "events": len(answer["events"]),
        "event_ids": [e["id"] for e in answer["events"]],
    }


def who_met_whom_table(answer: Mapping[str, Any]) -> pd.DataFrame:
    """Return the pairs of ``GET /graph/who-met-whom`` as a table, one row per pair."""
    level: Level = answer.get("level", "actor")
    columns: dict[str, Kind] = {
        **node_columns("a_", level),
        **node_columns("b_", level),
        "events": "int",
        "mentions": "int",
        "first_date": "date",
        "last_date": "date",
        "event_ids": "list",
        "sentences": "list",
    }
    rows = [
        {
            **node_values("a_", p["a"]),
            **node_values("b_", p["b"]),
            "events": p["count"],
            "mentions": p.get("mentions", p["count"]),
            "first_date": p["first_date"],
            "last_date": p["last_date"],
            "event_ids": [e["event_id"] for e in p["evidence"]],
            "sentences": [e["sentence"] for e in p["evidence"]],
        }
        for p in answer["pairs"]
    ]
    return frame(rows, columns)


def ego_table(answer: Mapping[str, Any]) -> pd.DataFrame:
    """Return the neighbours of ``GET /graph/actors/{actor}/ego``, one row per neighbour."""
    level: Level = answer["level"]
    columns: dict[str, Kind] = {
        **node_columns("", level),
        "distance": "int",
        "via": "list",
        **SUMMARY_COLUMNS,
    }
    rows = [
        {
            **node_values("", n["node"]),
            "distance": n["distance"],
            "via": [v["id"] for v in n["via"]],
            **summary_values(n["summary"]),
        }
        for n in answer["neighbours"]
    ]
    return frame(rows, columns)


def balance_table(answer: Mapping[str, Any]) -> pd.DataFrame:
    """Return the counterparts of ``GET /graph/balance``, one row per counterpart."""
    level: Level = answer["level"]
    columns: dict[str, Kind] = {**node_columns("", level), "stance": "str", **SUMMARY_COLUMNS}
    rows = [
        {**node_values("", c["node"]), "stance": c["stance"], **summary_values(c["summary"])}
        for c in answer["counterparts"]
    ]
    return frame(rows, columns)


BUCKET_COLUMNS: dict[str, Kind] = {
    "start": "date",
    "end": "date",
    "events": "int",
    **dict.fromkeys(QUADS, "int"),
    "goldstein_sum": "float",
    "mean_goldstein": "float",
    "event_ids": "list",
}


def timeline_table(buckets: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """Return the buckets of ``GET /graph/dyad``, one row per interval, oldest first."""
    rows = []
    for b in buckets:
        row = {k: b[k] for k in BUCKET_COLUMNS if k not in QUADS}
        row.update({q: b["quad_classes"][q] for q in QUADS})
        rows.append(row)
    return frame(rows, BUCKET_COLUMNS)


def event_ref_columns(level: Level) -> dict[str, Kind]:
    """Return the columns of evidence events (``EventRefOut``) at ``level``."""
    return {
        "event_id": "int",
        "date": "date",
        "source": id_kind(level),
        "target": id_kind(level),
        "cameo": "str",
        "quad_class": "int",
        "goldstein": "float",
        "modality": "str",
        "confidence": "float",
        "trigger": "str",
        "sentence": "str",
        "article_id": "int",
    }


def event_refs_table(items: Sequence[Mapping[str, Any]], level: Level) -> pd.DataFrame:
    """Return evidence events (``EventRefOut`` JSON) as a table, one row per event."""
    return frame(items, event_ref_columns(level))


def path_table(answer: Mapping[str, Any]) -> pd.DataFrame:
    """Return the paths of ``GET /graph/path``, one row per hop (``path``, ``hop`` from 0)."""
    level: Level = answer["level"]
    columns: dict[str, Kind] = {
        "path": "int",
        "hop": "int",
        **node_columns("source_", level),
        **node_columns("target_", level),
        "direction": "str",
        "event_id": "int",
        "date": "date",
        "cameo": "str",
        "quad_class": "int",
        "goldstein": "float",
        "sentence": "str",
        "event_ids": "list",
    }
    rows = []
    for i, p in enumerate(answer["paths"]):
        for j, hop in enumerate(p["hops"]):
            ev = hop["evidence"]
            rows.append(
                {
                    "path": i,
                    "hop": j,
                    **node_values("source_", hop["source"]),
                    **node_values("target_", hop["target"]),
                    "direction": hop["direction"],
                    **{k: ev[k] for k in ("event_id", "date", "cameo", "quad_class")},
                    "goldstein": ev["goldstein"],
                    "sentence": ev["sentence"],
                    "event_ids": hop["event_ids"],
                }
            )
    return frame(rows, columns)


def centrality_table(answer: Mapping[str, Any]) -> pd.DataFrame:
    """Return the ranking of ``GET /graph/centrality``, one row per node (``rank`` from 1)."""
    level: Level = answer["level"]
    columns: dict[str, Kind] = {
        "rank": "int",
        **node_columns("", level),
        "score": "float",
        "partners": "int",
        "events": "int",
        "event_ids": "list",
    }
    rows = [
        {
            "rank": i,
            **node_values("", r["node"]),
            **{k: r[k] for k in ("score", "partners", "events", "event_ids")},
        }
        for i, r in enumerate(answer["ranked"], start=1)
    ]
    return frame(rows, columns)


def communities_table(answer: Mapping[str, Any]) -> pd.DataFrame:
    """Return the communities of ``GET /graph/communities``, one row per community, largest first.

    ``member_ids`` and ``members`` (names) are in the server's order.
    """
    columns: dict[str, Kind] = {
        "community": "int",
        "size": "int",
        "member_ids": "list",
        "members": "list",
        "internal_events": "int",
        "external_events": "int",
        "event_ids": "list",
    }
    rows = [
        {
            "community": i,
            "size": len(c["members"]),
            "member_ids": [m["id"] for m in c["members"]],
            "members": [m["name"] for m in c["members"]],
            **{k: c[k] for k in ("internal_events", "external_events", "event_ids")},
        }
        for i, c in enumerate(answer["communities"])
    ]
    return frame(rows, columns)


def new_dyads_table(answer: Mapping[str, Any]) -> pd.DataFrame:
    """Return the pairs of ``GET /graph/new-dyads``, one row per pair, oldest first."""
    level: Level = answer["level"]
    columns: dict[str, Kind] = {
        **node_columns("a_", level),
        **node_columns("b_", level),
        "first_date": "date",
        "first_event_id": "int",
        "first_cameo": "str",
        "first_sentence": "str",
        **SUMMARY_COLUMNS,
    }
    rows = [
        {
            **node_values("a_", d["a"]),
            **node_values("b_", d["b"]),
            "first_date": d["first_date"],
            "first_event_id": d["first_event"]["event_id"],
            "first_cameo": d["first_event"]["cameo"],
            "first_sentence": d["first_event"]["sentence"],
            **summary_values(d["summary"]),
        }
        for d in answer["dyads"]
    ]
    return frame(rows, columns)
