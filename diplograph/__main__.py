"""The ``diplograph`` command, or a one-line install hint on a client-only install."""

import sys


def main() -> None:
    """Run the command line; exits 2 with the install hint when the server extras are missing."""
    try:
        from diplograph.app.cli import main as cli_main
    except ModuleNotFoundError as exc:
        print(
            f"diplograph: the command line needs the server extras ({exc.name} is not installed):"
            " pip install 'diplograph[server]'",
            file=sys.stderr,
        )
        raise SystemExit(2) from None
    cli_main()


if __name__ == "__main__":
    main()
