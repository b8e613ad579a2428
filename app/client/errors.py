"""The exceptions the client raises: the server's answer to a bad request, or no answer at all."""

from typing import Any

import httpx


class DiplographError(Exception):
    """The Diplograph server refused a request, or could not be reached.

    Attributes
    ----------
    status_code : int or None
        The HTTP status of the answer (404 unknown actor or id, 409 ambiguous
        actor name, 422 invalid parameter, 500 server error...); None when the
        server could not be reached.
    detail : str
        The server's message (its JSON ``detail``), readable as is.
    body : object
        The whole decoded JSON answer (for a 409, ``body["candidates"]`` lists
        the actors an ambiguous name could mean); None without a JSON body.
    """

    def __init__(self, status_code: int | None, detail: str, body: Any = None) -> None:
        prefix = f"HTTP {status_code}: " if status_code is not None else ""
        super().__init__(prefix + detail)
        self.status_code = status_code
        self.detail = detail
        self.body = body


class DiplographConnectionError(DiplographError):
    """The server gave no answer: unreachable even after the client's retries, or timed out.

    ``status_code`` is None; the httpx error is the ``__cause__``.
    """

    def __init__(self, detail: str) -> None:
        super().__init__(None, detail)


def _validation_message(errors: list[Any]) -> str:
    parts = []
    for err in errors:
        if isinstance(err, dict):
            where = ".".join(str(x) for x in err.get("loc", ()))
            parts.append(f"{where}: {err.get('msg', err)}" if where else str(err.get("msg", err)))
        else:
            parts.append(str(err))
    return "; ".join(parts)


def _candidates_message(candidates: list[Any]) -> str:
    names = [
        f"{c.get('id')} {c.get('name')}" if isinstance(c, dict) else str(c) for c in candidates
    ]
    return " (candidates: " + ", ".join(names) + ")"


def error_from_response(response: httpx.Response) -> DiplographError:
    """Return the exception that describes the error answer ``response`` (status >= 400).

    The message is the server's ``detail``: a string as is, a list of
    validation errors (422) as ``"query.b: Field required; ..."``; the
    candidates of an ambiguous actor (409) are appended as ``id name`` pairs.
    Without a JSON body the message is the body's text, else the reason phrase.

    Examples
    --------
    >>> answer = httpx.Response(404, json={"detail": "unknown actor 'Nobody'"})
    >>> str(error_from_response(answer))
    "HTTP 404: unknown actor 'Nobody'"
    >>> answer = httpx.Response(422, json={"detail": [
    ...     {"type": "missing", "loc": ["query", "b"], "msg": "Field required"}]})
    >>> error_from_response(answer).detail
    'query.b: Field required'
    """
    try:
        body: Any = response.json()
    except ValueError:
        body = None
    detail: Any = body.get("detail") if isinstance(body, dict) else None
    if isinstance(detail, list):
        message = _validation_message(detail)
    elif detail is not None:
        message = str(detail)
    else:
        message = response.text.strip() or response.reason_phrase or "error"
    if isinstance(body, dict) and isinstance(body.get("candidates"), list):
        message += _candidates_message(body["candidates"])
    return DiplographError(response.status_code, message, body)
