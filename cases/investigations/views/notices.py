"""Recording a statutory notice to the local policing body."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views import View

from cases.investigations import selectors, services
from cases.investigations.forms import NoticeForm, add_service_errors
from cases.investigations.views.common import investigation_or_404
from oversight.core.errors import ConflictError
from oversight.core.permissions import StaffOnlyMixin


class NoticeView(StaffOnlyMixin, View):
    """Record a statutory notice to the local policing body as given, or withheld."""

    template = "cases/investigations/notice_form.html"

    def _due_dates(self, investigation, today):
        return [
            row.due_on
            for row in selectors.notice_schedule(investigation, today)
            if row.state == "needed"
        ]

    def get(self, request, reference):
        investigation = investigation_or_404(request, reference)
        today = timezone.localdate()
        due_dates = self._due_dates(investigation, today)
        form = NoticeForm(
            due_dates=due_dates,
            initial={
                "version": investigation.version,
                "actioned_on": today,
                "due_on": due_dates[0].isoformat() if due_dates else None,
            },
        )
        context = {"form": form, "investigation": investigation, "due_dates": due_dates}
        return render(request, self.template, context)

    def post(self, request, reference):
        investigation = investigation_or_404(request, reference)
        today = timezone.localdate()
        due_dates = self._due_dates(investigation, today)
        form = NoticeForm(request.POST, due_dates=due_dates)
        if form.is_valid():
            try:
                services.investigation_notice_record(
                    actor=request.user,
                    investigation=investigation,
                    today=today,
                    **form.cleaned_data,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            except ConflictError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, "Statutory notice recorded.")
                return redirect("investigations:investigation-detail", investigation.reference)
        context = {"form": form, "investigation": investigation, "due_dates": due_dates}
        return render(request, self.template, context)
