"""Refused requests (managers): repeated refusals per user and address, the most first."""

import rules
from django.shortcuts import render
from django.utils import timezone

from oversight.core.paging import paginate_sequence
from oversight.core.permissions import PermissionRequiredMixin, is_manager
from oversight.core.refusals.selectors import refused_request_counts
from oversight.core.views import PageView

rules.add_perm("core.view_refused_requests", is_manager)


class RefusedRequestsView(PermissionRequiredMixin, PageView):
    permission_required = "core.view_refused_requests"

    def get(self, request):
        rows = list(refused_request_counts(now=timezone.now()))
        return render(request, "oversight/refused_requests.html", paginate_sequence(request, rows))
