"""A time budget for extraction: work checks it between paragraphs and sentences.

The budget is per thread (a context variable), so the API can give each article its
own without threading a deadline through every stage:

>>> with time_budget(60.0):
...     check_budget()  # well within the minute: nothing happens
"""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_deadline: ContextVar[float | None] = ContextVar("extraction_deadline", default=None)


class ExtractionTimeout(Exception):
    """The extraction of one article ran past its time budget."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Give the extraction run inside the block ``seconds`` (None: no limit); yields nothing."""
    token = _deadline.set(None if seconds is None else time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def check_budget() -> None:
    """Raise ``ExtractionTimeout`` when the current budget has run out; else return None."""
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline:
        raise ExtractionTimeout("the article's extraction ran out of time")
