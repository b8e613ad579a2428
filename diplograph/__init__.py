"""Diplograph: news articles in, who-did-what-to-whom diplomatic events and graph questions out.

The public Python API:

>>> from diplograph import Client                          # doctest: +SKIP
>>> client = Client("http://127.0.0.1:8000")               # a running `diplograph serve`
>>> client.who_met_whom("Putin")                           # a pandas DataFrame

>>> import diplograph                                      # doctest: +SKIP
>>> events = diplograph.extract(text, published="2017-12-11")  # no database, no server
>>> events[0].source.name, events[0].cameo, events[0].target.name

``Client`` needs only the plain install (``pip install diplograph`` or
``diplograph[client]``); ``extract`` and the ``diplograph`` command need
``diplograph[server]`` (spaCy and its model). Names are imported on first
use, so ``import diplograph`` stays light.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from diplograph.app.client import Client, DiplographConnectionError, DiplographError, Dyad
    from diplograph.ingest.extract import extract
    from diplograph.ingest.types import ActorRef, ExtractedEvent

__all__ = [
    "ActorRef",
    "Client",
    "DiplographConnectionError",
    "DiplographError",
    "Dyad",
    "ExtractedEvent",
    "__version__",
    "extract",
]

_LAZY = {
    "Client": "diplograph.app.client",
    "DiplographError": "diplograph.app.client",
    "DiplographConnectionError": "diplograph.app.client",
    "Dyad": "diplograph.app.client",
    "extract": "diplograph.ingest.extract",
    "ActorRef": "diplograph.ingest.types",
    "ExtractedEvent": "diplograph.ingest.types",
}


def __getattr__(name: str) -> Any:
    """Return a public name, importing its module on first use (``__version__`` is read from
    the installed package's metadata then, which keeps ``import diplograph`` quick)."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("diplograph")
        except PackageNotFoundError:  # pragma: no cover - a tree that was never installed
            found = "0.0.0"
        globals()["__version__"] = found
        return found
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'diplograph' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
