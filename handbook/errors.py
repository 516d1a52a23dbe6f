"""The one error type for a user's mistake or a missing piece."""


class HandbookError(Exception):
    """A user's mistake or a missing piece, explained in one message; the CLI prints it without a traceback."""
