"""The pages of the parties and the contact log, the same for every kind of case record: a
case's urls give its `lookup` (the selector that finds the record by reference) through
casework_pages(). Staff only: anyone else gets 404."""

from oversight.core.casework import messages, selectors, services
from oversight.core.casework.forms import ContactForm, PartyForm, PartyRemoveForm
from oversight.core.casework.models import Party
from oversight.core.permissions import PermissionRequiredMixin
from oversight.core.views import ServiceFormView


class CaseworkStepView(PermissionRequiredMixin, ServiceFormView):
    """A step on the parties or contacts of a case record found by `lookup`."""

    permission_required = "core.change_parties"
    template_name = "oversight/step_form.html"

    def get_success_url(self) -> str:
        return self.object.get_absolute_url()

    def parties(self):
        return selectors.party_list(record=self.object)


class PartyAddView(CaseworkStepView):
    template_name = "oversight/party_form.html"
    form_class = PartyForm
    extra_context = {"heading": "Add a person"}

    def get_initial(self):
        return {"preferred_language": Party.Language.ENGLISH}

    def get_form_kwargs(self):
        return {"parties": self.parties()}

    def perform(self, form):
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        data["preferred_channel"] = data["preferred_channel"] or ""
        party = services.party_add(
            actor=self.request.user, record=self.object, today=self.today, **data
        )
        return messages.PARTY_ADDED.format(name=party.name, reference=self.object.reference)


class PartyStepMixin:
    """A step on one party of the case, whose read of the party is logged."""

    def party(self) -> Party:
        if not hasattr(self, "_party"):
            self._party = selectors.party_get(record=self.object, pk=self.kwargs["party_id"])
        return self._party

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        services.view_log_parties(user=request.user, record=self.object, model=Party)
        return response


class PartyEditView(PartyStepMixin, PartyAddView):
    extra_context = {"heading": "Change a person’s details"}

    def get_initial(self):
        party = self.party()
        initial = {name: getattr(party, name) for name in services.PARTY_FIELDS}
        return {**initial, "version": party.version}

    def get_form_kwargs(self):
        return {"parties": self.parties().exclude(pk=self.party().pk)}

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        data["preferred_channel"] = data["preferred_channel"] or ""
        party = services.party_update(
            actor=self.request.user, party=self.party(), version=version, today=self.today, **data
        )
        return messages.PARTY_CHANGED.format(name=party.name, reference=self.object.reference)


class PartyRemoveView(PartyStepMixin, CaseworkStepView):
    template_name = "oversight/party_remove.html"
    form_class = PartyRemoveForm

    def get_initial(self):
        return {"version": self.party().version}

    def get_context_data(self, **context):
        return super().get_context_data(party=self.party(), **context)

    def perform(self, form):
        party = self.party()
        services.party_remove(
            actor=self.request.user, party=party, version=form.cleaned_data["version"]
        )
        return messages.PARTY_REMOVED.format(name=party.name, reference=self.object.reference)


class ContactCreateView(CaseworkStepView):
    template_name = "oversight/contact_form.html"
    form_class = ContactForm

    def get_initial(self):
        return {"on": self.today}

    def get_form_kwargs(self):
        return {"parties": self.parties()}

    def perform(self, form):
        contact = services.contact_record(
            actor=self.request.user, record=self.object, today=self.today, **form.cleaned_data
        )
        return messages.CONTACT_LOGGED.format(
            name=contact.party.name, reference=self.object.reference
        )
