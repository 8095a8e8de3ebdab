"""Who may do what: the predicates, the page mixin and the API's permission classes.

Each app names its permissions (django-rules) in its permissions.py, from the predicates here;
pages check them by name (PermissionRequiredMixin) and the API with the classes below.
Scoping querysets with for_user() is the safety net beneath these checks. Anyone signed in
who reaches a page or a staff-only endpoint they may not use gets 404, never a hint that it
exists, let alone data.
"""

import rules
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from rest_framework import exceptions, permissions

from oversight.core.models import Role

LIAISON_ONLY = (
    "Only a liaison of the recipient organisation submits its response here. Staff record a "
    "response received on paper or by email on the recommendation's page."
)


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


is_staff_or_liaison = is_casework_staff | is_force_liaison

# Taking a case and the owner step's page: staff only (a liaison is told they do not exist);
# who may give a case to whom is oversight.core.ownership's rule, which the services apply.
rules.add_perm("core.change_owner", is_casework_staff)
# Case notes (oversight.core.notes): the staff's own, never seen by a liaison.
rules.add_perm("core.add_note", is_casework_staff)
# The people around a case and the contact log: personal data, for casework staff alone.
rules.add_perm("core.change_parties", is_casework_staff)


class PermissionRequiredMixin(LoginRequiredMixin):
    """A page for those with `permission_required`: anonymous people are asked to sign in;
    anyone else without it gets 404."""

    permission_required: str

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not user.has_perm(self.permission_required):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


# The API ---------------------------------------------------------------------------------


class IsCaseworkStaff(permissions.BasePermission):
    """Resources for casework staff only; anyone else signed in is told they do not exist."""

    def has_permission(self, request, view) -> bool:
        if not request.user or not request.user.is_authenticated:
            return False
        if not is_casework_staff(request.user):
            raise exceptions.NotFound()
        return True


class IsLiaison(permissions.BasePermission):
    """An action of a force liaison (answering for their organisation): 403, saying so."""

    message = LIAISON_ONLY

    def has_permission(self, request, view) -> bool:
        return is_force_liaison(request.user)


class IsStaffOrLiaison(permissions.BasePermission):
    """Resources that staff read in full and liaisons for their own organisation."""

    def has_permission(self, request, view) -> bool:
        return is_staff_or_liaison(request.user)
