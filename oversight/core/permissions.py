"""Who may do what. Scoping querysets with for_user() is the safety net beneath these checks.

A force liaison who reaches a staff-only page or endpoint gets 404, never data.
"""

import rules
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from rest_framework import exceptions, permissions

from oversight.core.models import Role


@rules.predicate
def is_casework_staff(user) -> bool:
    return bool(user and user.is_authenticated and user.is_casework_staff)


@rules.predicate
def is_manager(user) -> bool:
    return bool(user and user.is_authenticated and user.is_manager)


@rules.predicate
def is_force_liaison(user) -> bool:
    return bool(
        user and user.is_authenticated and user.is_active and user.role == Role.FORCE_LIAISON
    )


rules.add_perm("cases.view_referral", is_casework_staff)
rules.add_perm("cases.add_referral", is_casework_staff)
rules.add_perm("cases.change_referral", is_casework_staff)
rules.add_perm("cases.decide_referral", is_casework_staff)


class StaffOnlyMixin(LoginRequiredMixin):
    """Pages for casework staff: anonymous people sign in; anyone else gets 404."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not is_casework_staff(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class ManagerOnlyMixin(LoginRequiredMixin):
    """Pages for managers (and admins): anyone else signed in gets 404."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not is_manager(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class IsCaseworkStaff(permissions.BasePermission):
    """API resources for casework staff; a liaison is told they do not exist (404)."""

    def has_permission(self, request, view) -> bool:
        if not request.user or not request.user.is_authenticated:
            return False
        if not is_casework_staff(request.user):
            raise exceptions.NotFound()
        return True
