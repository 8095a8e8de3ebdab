"""Recording a statutory notice to the local policing body."""

from cases.investigations import selectors, services
from cases.investigations.forms import NoticeForm
from oversight.core.permissions import PermissionRequiredMixin
from oversight.core.views import ServiceFormView


class InvestigationNoticeView(PermissionRequiredMixin, ServiceFormView):
    """Record a statutory notice to the local policing body as given, or withheld."""

    permission_required = "cases.change_investigation"
    template_name = "cases/investigations/notice_form.html"
    form_class = NoticeForm
    lookup = staticmethod(selectors.investigation_get)
    context_object_name = "investigation"

    def due_dates(self):
        return [
            row.due_on
            for row in selectors.notice_schedule(self.object, self.today)
            if row.state == "needed"
        ]

    def get_form_kwargs(self):
        return {"due_dates": self.due_dates()}

    def get_initial(self):
        due_dates = self.due_dates()
        return {
            "version": self.object.version,
            "actioned_on": self.today,
            "due_on": due_dates[0].isoformat() if due_dates else None,
        }

    def get_context_data(self, **context):
        return super().get_context_data(due_dates=self.due_dates(), **context)

    service = staticmethod(services.investigation_notice_record)
    success_message = "Statutory notice recorded."
