"""The day type of requests: an ISO ``YYYY-MM-DD`` string within the store's range."""

from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from diplograph.core.dates import EARLIEST, LATEST, DateOutOfRange, parse_day


def _day(value: Any) -> date:
    try:
        return parse_day(value)
    except DateOutOfRange:
        raise PydanticCustomError(
            "date_range",
            "Input should be a date from {earliest} to {latest}",
            {"earliest": EARLIEST.isoformat(), "latest": LATEST.isoformat()},
        ) from None
    except ValueError:
        # The type and message pydantic gives a malformed date, so answers stay as they were.
        raise PydanticCustomError(
            "date_from_datetime_parsing", "Input should be a valid date in the format YYYY-MM-DD"
        ) from None


Day = Annotated[
    date,
    BeforeValidator(_day),
    WithJsonSchema(
        {
            "type": "string",
            "format": "date",
            "description": f"An ISO date (YYYY-MM-DD) from {EARLIEST} to {LATEST}.",
        }
    ),
]
"""A day in a request: ISO string only (``0`` is not a date), from EARLIEST to LATEST."""
