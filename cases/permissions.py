"""Who may use the referral and investigation pages: the app's django-rules permissions."""

import rules

from oversight.core.permissions import is_casework_staff

rules.add_perm("cases.view_referral", is_casework_staff)
rules.add_perm("cases.add_referral", is_casework_staff)
rules.add_perm("cases.change_referral", is_casework_staff)
rules.add_perm("cases.view_investigation", is_casework_staff)
rules.add_perm("cases.add_investigation", is_casework_staff)
rules.add_perm("cases.change_investigation", is_casework_staff)
