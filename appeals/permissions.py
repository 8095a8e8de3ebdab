"""Who may use the appeal and review pages: the app's django-rules permissions."""

import rules

from oversight.core.permissions import is_casework_staff

rules.add_perm("appeals.view_application", is_casework_staff)
rules.add_perm("appeals.add_application", is_casework_staff)
rules.add_perm("appeals.change_application", is_casework_staff)
