"""Who may use the performance pages: managers (and admins)."""

import rules

from oversight.core.permissions import is_manager

rules.add_perm("oversight.view_timeliness", is_manager)
rules.add_perm("oversight.recalculate_timeliness", is_manager)
rules.add_perm("oversight.change_target", is_manager)
