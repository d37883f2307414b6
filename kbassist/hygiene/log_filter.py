"""A logging filter that masks every record before a handler writes it.

The web server logs each request line, query string included
(``GET /search?q=temp+pw+Summer2025%21``), and an error can quote what a user
typed. The filter renders the message, decodes the URL escapes so the detectors
read the words, and replaces the message with its masked form whenever the mask
changed something.
"""

from __future__ import annotations

import logging
from urllib.parse import unquote_plus

from kbassist.hygiene.masking import mask


class MaskingFilter(logging.Filter):
    """Masks secrets and personal data in log records (never drops a record)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True  # a malformed record is the logging module's to report
        decoded = unquote_plus(message) if "%" in message or "+" in message else message
        masked = mask(decoded)
        if masked != decoded:
            record.msg, record.args = masked, ()
        return True


def mask_logs(*loggers: logging.Logger) -> None:
    """Attach one masking filter to each logger (attaching twice changes nothing)."""
    for logger in loggers:
        if not any(isinstance(existing, MaskingFilter) for existing in logger.filters):
            logger.addFilter(MaskingFilter())
