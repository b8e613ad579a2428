"""The command line the upstream converters share: read a petrarch2 checkout, write files."""

import argparse
import sys
from collections.abc import Callable, Mapping
from pathlib import Path


def run_generator(
    name: str,
    description: str,
    default_out: Path,
    generate: Callable[[Path], Mapping[str, str]],
    argv: list[str] | None = None,
    errors: tuple[type[Exception], ...] = (ValueError, OSError),
) -> int:
    """Write the files ``generate`` makes from the ``source`` argument; return the exit code.

    A bad source (``errors``) is one line on stderr and exit code 2, with nothing written.
    """
    parser = argparse.ArgumentParser(prog=f"python -m tools.{name}", description=description)
    parser.add_argument("source", type=Path, help="petrarch2 git directory or checkout")
    parser.add_argument("--out", type=Path, default=default_out)
    args = parser.parse_args(argv)
    try:
        files = generate(args.source)
    except errors as exc:
        print(f"{name}: {exc}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for file_name, text in files.items():
        (args.out / file_name).write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {len(files)} files to {args.out}")
    return 0
