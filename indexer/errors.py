"""Errors a user can act on. The API maps each type to one HTTP status in one place."""


class OcopWatchError(Exception):
    """Base of every error this project raises on purpose."""


class InvalidQuery(OcopWatchError):
    """The search request cannot be answered as asked (bad syntax, bad parameter): a 4xx."""


class NotFound(OcopWatchError):
    """The requested article or resource does not exist: a 404."""


class EngineUnavailable(OcopWatchError):
    """The search engine cannot be reached or refused the request: a 503, never a 500."""


class SearchTimeout(EngineUnavailable):
    """A search ran past its time budget and was abandoned, so one heavy request cannot stall the
    others: a 503 with the reason, which the client may retry or narrow."""
