"""Who may use the recommendation pages: the app's django-rules permissions.

Liaisons read and answer only their own organisation's recommendations: the for_user()
scoping of the queryset narrows what these permissions open to them."""

import rules

from oversight.core.permissions import is_casework_staff, is_staff_or_liaison

rules.add_perm("learning.view_recommendation", is_staff_or_liaison)
rules.add_perm("learning.respond_recommendation", is_staff_or_liaison)
rules.add_perm("learning.add_recommendation", is_casework_staff)
rules.add_perm("learning.change_recommendation", is_casework_staff)
# The export holds every recommendation the filters match: staff only.
rules.add_perm("learning.export_recommendation", is_casework_staff)
