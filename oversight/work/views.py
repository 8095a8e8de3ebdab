"""The staff home page, "Your work": the duties on your cases, soonest first; for managers
also each person's caseload, the unallocated queue, and anyone's list."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from oversight.core.paging import paginate_sequence
from oversight.core.selectors import casework_staff_for_choice
from oversight.core.views import PageView
from oversight.work import selectors

# A long list of duties pages; the counts above it are of them all.
PER_PAGE = 50


def _row(item) -> dict:
    url = reverse(selectors.DETAIL_URL_NAMES[item.kind], args=[item.reference])
    return {"item": item, "url": url}


class WorkView(PageView):
    def get(self, request):
        user = request.user
        if not user.is_casework_staff:
            return render(request, "oversight/home.html")
        owner = user
        username = request.GET.get("owner", "")
        unallocated = request.GET.get("unallocated") == "true"
        if username:
            # A NUL cannot be in a username (nor be sent to PostgreSQL): no such person.
            staff = casework_staff_for_choice(active_only=False)
            owner = None if "\x00" in username else staff.filter(username=username).first()
            if owner is None:
                raise Http404("No member of the casework staff has that username.")
        items = selectors.work_for(
            viewer=user, today=self.today, owner=owner, unallocated=unallocated
        )
        paged = paginate_sequence(request, items, per_page=PER_PAGE)
        context = {
            **paged,
            "rows": [_row(item) for item in paged["page_obj"]],
            **selectors.work_counts(items, today=self.today),
            "owner": None if unallocated else owner,
            "unallocated": unallocated,
            "mine": owner == user and not unallocated,
            "today": self.today,
        }
        if user.is_manager:
            caseloads, queue_open, queue_overdue = selectors.caseloads(today=self.today)
            context |= {
                "caseloads": caseloads,
                "queue_open": queue_open,
                "queue_overdue": queue_overdue,
            }
        return render(request, "oversight/work.html", context)
