"""Drafting, editing and issuing recommendations (staff)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils import timezone
from django.views import View

from learning import selectors, services
from learning.forms import (
    IssueForm,
    RecommendationEditForm,
    RecommendationForm,
    add_service_errors,
)
from learning.views.common import (
    TransitionView,
    form_context,
    redirect_to_detail,
)
from oversight.core.errors import ConflictError
from oversight.core.permissions import StaffOnlyMixin


class RecommendationCreateView(StaffOnlyMixin, View):
    template = "learning/recommendation_form.html"

    def get(self, request):
        form = RecommendationForm(initial={"is_statutory": "no"})
        return render(request, self.template, form_context(request, form, creating=True))

    def post(self, request):
        form = RecommendationForm(request.POST)
        if form.is_valid():
            try:
                recommendation = services.recommendation_create(
                    actor=request.user, today=timezone.localdate(), **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, f"Draft recommendation {recommendation.reference} saved."
                )
                return redirect_to_detail(recommendation.reference)
        return render(request, self.template, form_context(request, form, creating=True))


class RecommendationEditView(StaffOnlyMixin, View):
    template = "learning/recommendation_form.html"

    def _get(self, request, reference):
        recommendation = selectors.recommendation_get(user=request.user, reference=reference)
        if not recommendation.is_draft:
            messages.error(request, "Only a draft can be changed.")
            return recommendation, redirect_to_detail(reference)
        return recommendation, None

    def get(self, request, reference):
        recommendation, done = self._get(request, reference)
        if done:
            return done
        form = RecommendationEditForm(
            initial={
                "source_kind": recommendation.source_kind,
                "source_reference": recommendation.source_reference,
                "recipient": recommendation.recipient.code if recommendation.recipient else None,
                "theme": recommendation.theme,
                "type": recommendation.type,
                "text": recommendation.text,
                "is_statutory": "yes" if recommendation.is_statutory else "no",
                "version": recommendation.version,
            }
        )
        return render(
            request, self.template, form_context(request, form, recommendation=recommendation)
        )

    def post(self, request, reference):
        recommendation, done = self._get(request, reference)
        if done:
            return done
        form = RecommendationEditForm(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            version = data.pop("version")
            try:
                services.recommendation_update(
                    actor=request.user, recommendation=recommendation, version=version, **data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            except ConflictError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, f"Draft {recommendation.reference} saved.")
                return redirect_to_detail(reference)
        return render(
            request, self.template, form_context(request, form, recommendation=recommendation)
        )


class RecommendationIssueView(StaffOnlyMixin, TransitionView):
    template = "learning/recommendation_issue.html"
    form_class = IssueForm

    def allowed(self, recommendation):
        return None if recommendation.is_draft else "This recommendation has already been issued."

    def initial(self, recommendation):
        return {"version": recommendation.version, "issued_on": timezone.localdate()}

    def perform(self, request, recommendation, form):
        services.recommendation_issue(
            actor=request.user,
            recommendation=recommendation,
            issued_on=form.cleaned_data["issued_on"],
            version=form.cleaned_data["version"],
            today=timezone.localdate(),
        )
        return f"Recommendation {recommendation.reference} issued."
