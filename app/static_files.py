"""Where the package's static files (the explorer page, the vendored front-end libraries)
live on disk and under which URL the app serves them."""

from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"
"""The folder of static files; ``vendor/`` in it is built by ``make install`` from npm."""
STATIC_URL = "/static"
