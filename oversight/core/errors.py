"""Errors the services raise, shared by pages and the API.

Services raise Django's ValidationError (with field names where a field is at fault)
for bad input, and ConflictError when someone else saved the record first.
"""

CONFLICT_MESSAGE = (
    "Someone else changed this record while you were editing it. "
    "Your changes were not saved: reload it, check their changes and try again."
)


class ConflictError(Exception):
    """The record changed since the caller read it (optimistic locking)."""

    def __init__(self, message: str = CONFLICT_MESSAGE):
        super().__init__(message)
        self.message = message
