"""CPU of each spaCy component, stock pipeline against Diplograph's (attribute table).

Run: ``.venv/bin/python -m bench.spacy_components [--repeat N] [--rounds R]``. Over the
bench corpus's paragraphs (``bench.extract.corpus``, batch 64), prints the
``time.process_time`` seconds each component takes (components run one after another,
each over the whole batch of docs) and whole ``nlp.pipe``, for the stock ``spacy.load``
pipeline and for ``get_nlp()``'s (attribute and lemma tables), lowest of R rounds each,
then one ``key=value`` line.
"""

import argparse
import time

from spacy.language import Language

from bench.extract import corpus
from diplograph.ingest.nlp import get_nlp, get_stock_nlp
from diplograph.ingest.sentences import paragraphs

BATCH = 64


def component_cpu(nlp: Language, texts: list[str]) -> dict[str, float]:
    """Return the CPU seconds each of ``nlp``'s components takes over ``texts``."""
    docs = [nlp.make_doc(t) for t in texts]
    out: dict[str, float] = {}
    for name, proc in nlp.pipeline:
        start = time.process_time()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=BATCH))
        else:
            docs = [proc(d) for d in docs]
        out[name] = time.process_time() - start
    return out


def pipe_cpu(nlp: Language, texts: list[str]) -> float:
    """Return the CPU seconds ``nlp.pipe`` takes over ``texts``."""
    start = time.process_time()
    for _ in nlp.pipe(texts, batch_size=BATCH):
        pass
    return time.process_time() - start


def main() -> None:
    """Print the table and the key=value line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=4, help="copies of the corpus")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each (lowest kept)")
    args = parser.parse_args()
    texts = [p.text for a in corpus() for p in paragraphs(a.text)] * args.repeat
    pipelines = {"stock": get_stock_nlp(), "ours": get_nlp()}
    best: dict[tuple[str, str], float] = {}
    for nlp in pipelines.values():
        pipe_cpu(nlp, texts[:BATCH])  # warm-up
    for round_ in range(args.rounds):
        order = list(pipelines.items())
        for key, nlp in order if round_ % 2 == 0 else order[::-1]:  # neither always first
            for name, secs in component_cpu(nlp, texts).items():
                best[key, name] = min(best.get((key, name), secs), secs)
            secs = pipe_cpu(nlp, texts)
            best[key, "nlp.pipe"] = min(best.get((key, "nlp.pipe"), secs), secs)
    names = [*pipelines["stock"].pipe_names, "nlp.pipe"]
    print(f"{len(texts)} paragraphs; CPU seconds (process_time), lowest of {args.rounds}")
    print(f"{'component':<18}{'stock':>9}{'ours':>9}{'ours/stock':>12}")
    for name in names:
        stock, ours = best["stock", name], best["ours", name]
        print(f"{name:<18}{stock:>9.3f}{ours:>9.3f}{ours / stock:>12.3f}")
    print(
        " ".join(
            f"{key}_{name.replace('.', '_')}={best[key, name]:.3f}"
            for name in names
            for key in pipelines
        )
    )


if __name__ == "__main__":
    main()
