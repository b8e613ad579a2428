"""A Python client for Diplograph: the HTTP API as methods returning DataFrames and graphs.

>>> from app.client import Diplograph                      # doctest: +SKIP
>>> client = Diplograph("http://127.0.0.1:8000")           # a running `diplograph serve`
>>> client = Diplograph.local("sqlite:///diplograph.db")   # or a database, no server
>>> client.who_met_whom("Putin")                           # a pandas DataFrame
>>> client.graph()                                         # a networkx MultiDiGraph

Errors the server answers with raise :class:`DiplographError` carrying its
status code and message.
"""

from app.client.api import Diplograph
from app.client.errors import DiplographConnectionError, DiplographError
from app.client.graph_pairs import Dyad

__all__ = ["Diplograph", "DiplographConnectionError", "DiplographError", "Dyad"]
