"""The ``diplograph`` command, or a one-line install hint on a client-only install."""

import sys
from importlib.util import find_spec

SERVER_MODULES = ("sqlalchemy", "alembic", "fastapi", "spacy", "uvicorn")
"""Modules of the server extras, looked up (not imported) before the command line runs."""


def main() -> None:
    """Run the command line; exits 2 with the install hint when the server extras are missing."""
    missing = next((name for name in SERVER_MODULES if find_spec(name) is None), None)
    if missing is not None:
        print(
            f"diplograph: the command line needs the server extras ({missing} is not installed):"
            " pip install 'diplograph[server]'",
            file=sys.stderr,
        )
        raise SystemExit(2)
    from diplograph.app.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
