"""Template helpers for the figures' nested dictionaries."""

from django import template

register = template.Library()

FIGURE_LABELS = {
    "received": "Received",
    "decided": "Decided",
    "decided_within_target": "Decided within 3 working days",
    "completed": "Core investigations completed",
    "within_6_months": "Within 6 months",
    "within_12_months": "Within 12 months",
    "valid": "Valid",
    "upheld": "Upheld",
    "issued": "Issued",
    "responded": "Responded to",
    "accepted": "Accepted (fully or partly, or implemented)",
    "overdue": "Statutory responses overdue",
}


FAMILY_LABELS = {
    "referrals": "Referrals",
    "investigations": "Investigations",
    "applications": "Appeals and reviews",
    "appeals": "Appeals",
    "reviews": "Reviews",
    "reviews_after_investigation": "Reviews after an investigation",
    "reviews_otherwise": "Reviews of complaints handled otherwise",
    "recommendations": "Recommendations",
}


@register.filter
def family_label(name):
    return FAMILY_LABELS.get(name, name.replace("_", " ").capitalize())


@register.filter
def figure(mapping, key):
    """mapping[key], for the nested figures of a snapshot."""
    return (mapping or {}).get(key)


@register.filter
def figure_label(name):
    return FIGURE_LABELS.get(name, name.replace("_", " ").capitalize())
