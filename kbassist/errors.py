"""One error type for the domain, carrying a user-facing message and an HTTP status."""

from __future__ import annotations


class KbassistError(Exception):
    """Base error: a message a person can act on, and the HTTP status it maps to."""

    status = 500

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status


class InvalidInput(KbassistError):
    status = 400


class Unauthorized(KbassistError):
    status = 401


class Forbidden(KbassistError):
    status = 403


class NotFound(KbassistError):
    status = 404


class Conflict(KbassistError):
    status = 409


class NotTrained(KbassistError):
    status = 409


class TooManyRequests(KbassistError):
    status = 429
