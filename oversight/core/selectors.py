"""Reads of core data shared by the apps."""

import datetime as dt

from oversight.core.models import NonWorkingDay, Organisation

# Working-day deadlines in this system are short; look this far ahead for closures.
CLOSURE_HORIZON = dt.timedelta(days=120)


def closed_days_from(start: dt.date) -> frozenset[dt.date]:
    """Extra non-working days (closures set by admins) in the months after `start`."""
    return frozenset(
        NonWorkingDay.objects.filter(
            date__gt=start, date__lte=start + CLOSURE_HORIZON
        ).values_list("date", flat=True)
    )


def organisations_for_choice(*, forces_only: bool = False, kinds=None):
    """Active organisations for a form or filter, by name: forces only, or of these kinds."""
    qs = Organisation.objects.filter(is_active=True)
    if forces_only:
        qs = qs.forces()
    if kinds is not None:
        qs = qs.filter(kind__in=kinds)
    return qs.order_by("name")
