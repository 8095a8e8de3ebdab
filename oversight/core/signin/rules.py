"""The idle session rule, on seconds since the epoch: no clock, the caller passes `now`."""

# Last activity is written to the session at most this often, so that a page does not add
# a session write to every request.
ACTIVITY_WRITE_SECONDS = 60


def idle_expired(*, last_activity: float, now: float, idle_minutes: int) -> bool:
    """A session idle for longer than the timeout has ended (OWASP ASVS 5.0, 7.3.1)."""
    return now - last_activity > idle_minutes * 60


def activity_due(*, last_activity: float | None, now: float) -> bool:
    """Whether to record this request as the session's last activity: at most once a minute."""
    return last_activity is None or now - last_activity >= ACTIVITY_WRITE_SECONDS


def idle_seconds_left(*, last_activity: float | None, now: float, idle_minutes: int) -> int:
    """Whole seconds until the session ends unless another request comes first."""
    if last_activity is None:
        return idle_minutes * 60
    return max(0, int(last_activity + idle_minutes * 60 - now))
