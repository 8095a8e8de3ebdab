"""Template helpers for the figures' nested dictionaries and their labels (figures.py)."""

from django import template

from oversight.performance import figures

register = template.Library()


@register.filter
def family_label(name):
    return figures.FAMILY_LABELS.get(name, name.replace("_", " ").capitalize())


@register.filter
def figure(mapping, key):
    """mapping[key], for the nested figures of a snapshot."""
    return (mapping or {}).get(key)


@register.filter
def figure_label(name):
    return figures.COUNT_LABELS.get(name, name.replace("_", " ").capitalize())
