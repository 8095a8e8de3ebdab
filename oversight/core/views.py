"""The page patterns every app shares: a record's page, a form whose valid input goes through
one service, a filtered list, and its CSV export; and the owner steps every record has
("Assign to me", and the managers' "Change owner"); and the Notes section of every
record's page."""

from collections.abc import Callable, Mapping

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views import View

from oversight.core import ownership
from oversight.core.casework.context import casework_context, log_casework_read
from oversight.core.csv_export import streaming_csv
from oversight.core.errors import ConflictError
from oversight.core.forms import OwnerForm, VersionedForm, add_service_errors
from oversight.core.models import ViewLog
from oversight.core.notes.selectors import notes_of
from oversight.core.paging import paginate
from oversight.core.permissions import PermissionRequiredMixin
from oversight.core.services import record_assign, record_take, view_log_list, view_log_record


class TodayMixin:
    """For a page or an API view that works on today's date: the local one, as the rules
    count days."""

    @property
    def today(self):
        return timezone.localdate()


class PageView(TodayMixin, View):
    """A page that works on today's date."""


class RecordDetailView(PageView):
    """A case record's page: `lookup`, a selector, finds it by the URL's reference (404 when
    the user may not see it); the viewing is logged, as every read of personal data is (with
    the parties and contacts it shows); the page gets the record under `context_object_name`,
    today, its owner, its people and contacts (`casework`) and get_context_data()."""

    template_name: str
    lookup: Callable
    context_object_name: str

    def get_context_data(self, record) -> dict:
        return {}

    def get(self, request, reference):
        record = self.lookup(user=request.user, reference=reference)
        view_log_record(user=request.user, record=record)
        casework = casework_context(request.user, record)
        if casework is not None:
            log_casework_read(request.user, record, casework)
        context = {
            self.context_object_name: record,
            "today": self.today,
            "ownership": ownership_context(request.user, record),
            "notes": notes_context(request.user, record),
            "casework": casework,
            **self.get_context_data(record),
        }
        return render(request, self.template_name, context)


def ownership_context(user, record) -> dict | None:
    """What the record's Owner row shows the user (templates/oversight/_owner.html): None for
    anyone but casework staff, who alone may know who owns a case."""
    if not (user.is_authenticated and user.is_casework_staff) or not hasattr(record, "owner"):
        return None
    return {
        "record": record,
        "owner": record.owner,
        "may_take": record.owner_id is None or (user.is_manager and record.owner_id != user.pk),
        "may_change": user.is_manager,
        "take_url": record.step_url("take"),
        "change_url": record.step_url("owner"),
    }


def notes_context(user, record) -> dict | None:
    """What the record's Notes section shows the user (templates/oversight/_notes.html), newest
    first: None for anyone but casework staff, who alone may know that notes exist."""
    if not (user.is_authenticated and user.is_casework_staff):
        return None
    return {"notes": list(notes_of(record=record)), "add_url": record.step_url("note")}


class ServiceFormView(PageView):
    """GET shows the form; POST validates it and the formsets beside it, then calls perform(),
    which calls one service and returns the message to show. On success the browser goes to
    get_success_url() (the record's page); a service's ValidationError is shown on the form,
    next to its fields where the form has them, and a ConflictError (someone saved the record
    first) above it, with nothing saved.

    A subclass gives template_name, form_class and either perform() or, for a step that
    passes the form's input straight to its service, `service` and `success_message` (a
    format string given the record as `object`). It overrides what differs:
    get_object (by default `lookup`, a selector, finds the record by the URL's reference),
    refusal (why the step is not open now: the page sends the browser back to the record
    with that message), get_initial, get_form_kwargs, get_formsets and get_context_data.
    """

    template_name: str
    form_class: type[forms.Form]
    lookup: Callable | None = None
    context_object_name: str | None = None
    extra_context: Mapping = {}
    # Where a service names a field differently from the form: {service name: form name}.
    error_aliases: Mapping[str, str] = {}
    service: Callable | None = None
    success_message = ""

    object = None

    def get_object(self):
        """The record the page acts on (404 when the user may not see it), or None."""
        if self.lookup is None:
            return None
        return self.lookup(user=self.request.user, reference=self.kwargs["reference"])

    def refusal(self) -> str | None:
        """Why this step cannot be taken on the record now, or None."""
        return None

    def get_initial(self) -> dict:
        """What the form starts with: the version read, for the service to compare."""
        version = getattr(self.object, "version", None)
        return {} if version is None else {"version": version}

    def get_form_kwargs(self) -> dict:
        return {}

    def get_form(self, data=None) -> forms.Form:
        kwargs = self.get_form_kwargs()
        if data is None:
            kwargs.setdefault("initial", self.get_initial())
        return self.form_class(data, **kwargs)

    def get_formsets(self, data=None) -> dict:
        """Formsets shown beside the form, by context name; all must be valid to go on."""
        return {}

    def get_context_data(self, **context) -> dict:
        """The form, the formsets and the record, as `object` (which the shared step page
        reads) and by its own name."""
        if self.context_object_name:
            context[self.context_object_name] = self.object
        return {"today": self.today, "object": self.object, **self.extra_context, **context}

    def perform(self, form: forms.Form, **formsets) -> str:
        """Call the service with the valid input; return the message to show."""
        self.call_service(**form.cleaned_data)
        return self.success_message.format(object=self.object)

    def call_service(self, **inputs):
        """`service` for the signed-in user on today's date, given the record under its
        model's name (application=..., referral=...) and `inputs`."""
        record = {} if self.object is None else {self.object._meta.model_name: self.object}
        return self.service(actor=self.request.user, today=self.today, **record, **inputs)

    def get_success_url(self) -> str:
        return self.object.get_absolute_url()

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        refused = self.refusal()
        if refused:
            messages.error(request, refused)
            return redirect(self.get_success_url())
        if self.object is not None:  # the form shows the record's data: a read, logged
            view_log_record(user=request.user, record=self.object, kind=ViewLog.Kind.FORM)
        return self._render(self.get_form(), self.get_formsets())

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        refused = self.refusal()
        if refused:
            messages.error(request, refused)
            return redirect(self.get_success_url())
        form = self.get_form(request.POST)
        formsets = self.get_formsets(request.POST)
        if form.is_valid() and all(formset.is_valid() for formset in formsets.values()):
            try:
                message = self.perform(form, **formsets)
            except ValidationError as error:
                add_service_errors(form, error, self.error_aliases)
            except ConflictError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, message)
                return redirect(self.get_success_url())
        return self._render(form, formsets)

    def _render(self, form, formsets):
        context = self.get_context_data(form=form, **formsets)
        return render(self.request, self.template_name, context)


class FilteredListView(PageView):
    """A list page: the records the user may see (`selector`), narrowed by the filter set, one
    page at a time, with the query that the CSV export of the same rows takes. Each page read
    is logged (one row: the filter and the rows shown), as the export is (the rows sent)."""

    template_name: str
    filterset_class: type
    selector: Callable

    def get_filterset(self):
        queryset = self.selector(user=self.request.user)
        return self.filterset_class(
            self.request.GET, queryset=queryset, request=self.request, **self.filterset_kwargs()
        )

    def filterset_kwargs(self) -> dict:
        return {}

    def get_context_data(self, filterset) -> dict:
        """More for the page than the filters, the page of rows and the export's query."""
        return {}

    def get(self, request, *args, **kwargs):
        filterset = self.get_filterset()
        paged = paginate(request, filterset.qs)
        view_log_list(
            user=request.user,
            model=filterset.qs.model,
            query=request.GET.urlencode(),
            row_count=len(paged["page_obj"].rows),
            kind=ViewLog.Kind.LIST,
        )
        context = {
            "filter": filterset,
            "today": self.today,
            "export_query": request.GET.urlencode(),
            **paged,
            **self.get_context_data(filterset),
        }
        return render(request, self.template_name, context)


# The owner's username, a column of every case record's export (the list joins the owner).
OWNER_COLUMN = ("Owner", lambda record, today: record.owner.username if record.owner_id else "")


class CsvExportView(FilteredListView):
    """The filtered list as CSV, streamed so that a large export does not hold memory. Each of
    `columns` is (title, value of a record on a day)."""

    filename: str
    columns: list[tuple[str, Callable]]

    def get(self, request, *args, **kwargs):
        today = self.today
        queryset = self.get_filterset().qs
        # Logged before the file is sent, with the rows it holds (one count, one insert).
        view_log_list(
            user=request.user,
            model=queryset.model,
            query=request.GET.urlencode(),
            row_count=queryset.count(),
            kind=ViewLog.Kind.EXPORT,
        )
        return streaming_csv(
            filename=self.filename,
            header=[title for title, _ in self.columns],
            rows=(
                [value(record, today) for _, value in self.columns]
                for record in queryset.iterator(chunk_size=2000)
            ),
        )


class RecordTakeView(PermissionRequiredMixin, PageView):
    """Assign to me: a POST of the version read (never a GET) takes the record for the
    signed-in user through record_take; the browser goes back to the record with the outcome.
    A subclass gives `lookup`, the selector that finds the record by reference."""

    permission_required = "core.change_owner"
    http_method_names = ["post"]
    lookup: Callable

    def post(self, request, reference):
        record = self.lookup(user=request.user, reference=reference)
        form = VersionedForm(request.POST)
        version = form.cleaned_data["version"] if form.is_valid() else None
        try:
            record_take(actor=request.user, record=record, version=version)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except ConflictError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, ownership.TAKEN.format(reference=record.reference))
        return redirect(record.get_absolute_url())


class RecordOwnerView(PermissionRequiredMixin, ServiceFormView):
    """Change owner (managers): a select of the active casework staff and Unallocated, saved
    through record_assign. Anyone else on the staff is sent back with the refusal. A subclass
    gives `lookup`."""

    permission_required = "core.change_owner"
    template_name = "oversight/owner_form.html"
    form_class = OwnerForm

    def refusal(self):
        return None if self.request.user.is_manager else ownership.ONLY_MANAGERS_CHANGE

    def get_initial(self):
        owner = self.object.owner
        return {"version": self.object.version, "owner": owner.username if owner else None}

    def perform(self, form):
        owner = form.cleaned_data["owner"]
        self.object = record_assign(
            actor=self.request.user,
            record=self.object,
            owner=owner,
            version=form.cleaned_data["version"],
        )
        if owner is None:
            return ownership.OWNER_REMOVED.format(reference=self.object.reference)
        return ownership.OWNER_CHANGED.format(
            reference=self.object.reference, owner=owner.display_name
        )
