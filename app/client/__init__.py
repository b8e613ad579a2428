"""A Python client for Diplograph: the HTTP API as methods returning DataFrames and graphs.

>>> from diplograph import Client                      # doctest: +SKIP
>>> client = Client("http://127.0.0.1:8000")           # a running `diplograph serve`
>>> client = Client.local("sqlite:///diplograph.db")   # or a database, no server
>>> client.who_met_whom("Putin")                       # a pandas DataFrame
>>> client.graph()                                     # a networkx MultiDiGraph

Errors the server answers with raise :class:`DiplographError` carrying its
status code and message. ``Diplograph`` is the client's old name, kept for one
release with a ``DeprecationWarning``.
"""

import warnings
from typing import Any

from diplograph.app.client.api import Client
from diplograph.app.client.errors import DiplographConnectionError, DiplographError
from diplograph.app.client.graph_pairs import Dyad

__all__ = ["Client", "DiplographConnectionError", "DiplographError", "Dyad"]


def __getattr__(name: str) -> Any:
    """Return ``Client`` under its deprecated name ``Diplograph``, with a warning."""
    if name == "Diplograph":
        warnings.warn(
            "diplograph.app.client.Diplograph is deprecated; use `from diplograph import Client`",
            DeprecationWarning,
            stacklevel=2,
        )
        return Client
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
