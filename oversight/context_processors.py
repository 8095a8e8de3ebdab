"""Values every page needs: the service name and the navigation for the signed-in person's role."""

from django.urls import reverse

SERVICE_NAME = "Oversight case tracker"
ORGANISATION_NAME = "Independent Office for Police Conduct (demonstration)"


def navigation(request):
    user = getattr(request, "user", None)
    items = []
    if user is not None and user.is_authenticated:
        if user.is_casework_staff:
            items.append(("Referrals", reverse("cases:referral-list")))
        if user.is_staff:
            items.append(("Admin", reverse("admin:index")))
    path = request.path
    return {
        "service_name": SERVICE_NAME,
        "organisation_name": ORGANISATION_NAME,
        "navigation": [
            {"label": label, "url": url, "active": path.startswith(url)} for label, url in items
        ]
        if user is not None and user.is_authenticated
        else [],
    }
