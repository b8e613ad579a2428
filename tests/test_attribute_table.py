"""The attribute and lemma tables, and numpy's BLAS in the layers, give exactly the stock
pipeline's annotations (slow).

``get_nlp()`` replaces en_core_web_sm's ``attribute_ruler`` by ``AttributeTable`` (built from
the same rules) and its ``lemmatizer`` by ``LemmaTable`` (over the same lemmatizer), and its
layers multiply matrices with numpy's BLAS where the stock pipeline's use BLIS; the
stock pipeline and ours must agree on every token of the bench corpus,
every gold text in ``eval/`` and sentences that fire the rules over several tokens and on
dependencies (``gon na``, ``ai n't``, ``let 's``, ``there is``, ``I``/``you``/``it`` as
subject or object).
"""

import json
from pathlib import Path

import pytest
from spacy.tokens import Doc

from bench.extract import corpus
from diplograph.ingest.attribute_table import AttributeTable
from diplograph.ingest.lemma_table import LemmaTable
from diplograph.ingest.nlp import get_nlp, get_stock_nlp
from diplograph.ingest.sentences import paragraphs

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent

RULE_SENTENCES = [
    "There is no deal, and there were no talks; there's hope.",
    "We're gonna sign it, and they gotta agree; let's see.",
    "Y'all ain't seen nothin' yet, I told 'em.",
    "C'mon, I said it was doin' fine and goin' well, somethin' like that.",
    "I think you know it. Give it to me, I want you. It suits us.",
    "He'd have done it; she'd go. They have a plan and do it, but did they?",
    "Gonna",
    "  \n\n  Leaders  met.\n",
    "",
]

Signature = tuple[str, str, str, str, str, int, str, str, bool | None]


def _texts() -> list[str]:
    """Return the bench corpus's paragraphs, every gold text in eval/ and RULE_SENTENCES."""
    texts = [p.text for a in corpus() for p in paragraphs(a.text)]
    for path in sorted((ROOT / "eval").glob("*/*.json")):
        texts.append(json.loads(path.read_text(encoding="utf-8"))["text"])
    for path in sorted((ROOT / "eval").glob("*/*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        texts.extend(json.loads(line)["text"] for line in lines if line.strip())
    return texts + RULE_SENTENCES


def _signature(doc: Doc) -> list[Signature]:
    """Return every token's annotations that the pipeline sets."""
    return [
        (
            t.tag_,
            t.pos_,
            str(t.morph),
            t.lemma_,
            t.dep_,
            t.head.i,
            t.ent_type_,
            t.ent_iob_,
            t.is_sent_start,
        )
        for t in doc
    ]


def test_get_nlp_uses_the_tables_built_from_the_models_components() -> None:
    ours = get_nlp().get_pipe("attribute_ruler")
    stock = get_stock_nlp().get_pipe("attribute_ruler")
    assert isinstance(ours, AttributeTable)
    assert not isinstance(stock, AttributeTable)
    assert len(ours.attrs) == len(stock.patterns) == 179
    assert isinstance(get_nlp().get_pipe("lemmatizer"), LemmaTable)
    assert not isinstance(get_stock_nlp().get_pipe("lemmatizer"), LemmaTable)
    assert get_nlp().pipe_names == get_stock_nlp().pipe_names


def test_get_nlp_layers_multiply_with_numpy_and_the_stock_ones_with_blis() -> None:
    for name in ("tok2vec", "parser", "ner"):
        assert get_nlp().get_pipe(name).model.ops.use_blis is False
        assert get_stock_nlp().get_pipe(name).model.ops.use_blis is True


def test_annotations_identical_to_the_stock_pipeline() -> None:
    texts = _texts()
    assert len(texts) > 400
    stock = get_stock_nlp().pipe(texts, batch_size=64)
    ours = get_nlp().pipe(texts, batch_size=64)
    tokens = 0
    for text, a, b in zip(texts, stock, ours, strict=True):
        assert _signature(b) == _signature(a), text
        tokens += len(a)
    assert tokens > 20_000
