"""Errors a client can fix, shown to the client in every configuration."""


class InvalidInputError(Exception):
    """A request that names an unknown value or breaks a limit.

    The message reaches the client unmasked, so it must name the value and
    the fix and must never contain internal details.
    """
