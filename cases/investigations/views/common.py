"""What the investigation pages share: the people and allegations of a formset as inputs."""

from cases.investigations import services


def kept_forms(formset):
    """Existing rows unless marked for removal, and new rows that were filled in."""
    for index, form in enumerate(formset.forms):
        if formset.can_delete and form.cleaned_data.get("DELETE"):
            continue
        if index >= formset.initial_form_count() and not form.has_changed():
            continue
        yield form


def subject_inputs(formset, referral):
    """The people of a formset for the services (a blank force means the referring force)."""
    inputs = []
    for form in kept_forms(formset):
        data = form.cleaned_data
        inputs.append(
            services.SubjectInput(
                id=data.get("id"),
                name=data["name"],
                rank=data["rank"],
                collar_number=data["collar_number"],
                organisation=data["organisation"] or referral.organisation,
            )
        )
    return inputs


def allegation_inputs(formset):
    """The allegations of a formset for the services."""
    return [
        services.AllegationInput(
            id=form.cleaned_data.get("id"),
            description=form.cleaned_data["description"],
            investigator_opinion=form.cleaned_data["investigator_opinion"],
            force_determination=form.cleaned_data["force_determination"],
            investigator_consequence=form.cleaned_data["investigator_consequence"],
            force_consequence=form.cleaned_data["force_consequence"],
        )
        for form in kept_forms(formset)
    ]
