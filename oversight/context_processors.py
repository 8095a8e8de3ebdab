"""Values every page needs: the service name and the navigation for the signed-in person's role."""

from django.urls import NoReverseMatch, reverse

SERVICE_NAME = "Oversight case tracker"
ORGANISATION_NAME = "Independent Office for Police Conduct (demonstration)"

# (label, url name, who sees it). A section appears once its pages exist.
SECTIONS = [
    ("Referrals", "cases:referral-list", "staff"),
    ("Investigations", "investigations:investigation-list", "staff"),
    ("Appeals and reviews", "appeals:application-list", "staff"),
    ("Recommendations", "learning:recommendation-list", "everyone"),
    ("Performance", "performance:dashboard", "manager"),
    ("Refused requests", "refused-requests", "manager"),
    ("Admin", "admin:index", "admin"),
]


def _may_see(user, audience: str) -> bool:
    return {
        "everyone": True,
        "staff": user.is_casework_staff,
        "manager": user.is_manager,
        "admin": user.is_staff,
    }[audience]


def navigation(request):
    user = getattr(request, "user", None)
    items = []
    if user is not None and user.is_authenticated:
        for label, name, audience in SECTIONS:
            if not _may_see(user, audience):
                continue
            try:
                url = reverse(name)
            except NoReverseMatch:
                continue
            items.append({"label": label, "url": url, "active": request.path.startswith(url)})
    return {
        "service_name": SERVICE_NAME,
        "organisation_name": ORGANISATION_NAME,
        "navigation": items,
    }
