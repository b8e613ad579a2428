"""The one method every part of the client is built on: send a request, get JSON or an error."""

from typing import Any

import httpx

from diplograph.app.client.params import Params


class ApiCaller:
    """Sends requests to the API; :class:`~diplograph.Client` implements :meth:`_request`."""

    def _request(
        self, method: str, path: str, *, params: Params | None = None, json: Any = None
    ) -> httpx.Response:
        """Return the answer to one request; raise ``DiplographError`` for an error status."""
        raise NotImplementedError

    def _get(self, path: str, params: Params | None = None) -> Any:
        """Return the decoded JSON answer to ``GET path``."""
        return self._request("GET", path, params=params).json()
