"""A recommendation's page, its response (staff or the recipient's liaison), extensions,
implementation and publication."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils import timezone
from django.views import View

from learning import rules, selectors, services
from learning.forms import (
    ExtensionForm,
    ImplementForm,
    PlannedActionFormSet,
    PublicationForm,
    ResponseForm,
    StaffResponseForm,
    add_service_errors,
    planned_actions_from,
)
from learning.models import ReceivedVia
from learning.services.messages import (
    EXTEND_NOT_AWAITING,
    EXTEND_NOT_STATUTORY,
    NOT_IMPLEMENTABLE,
    RESPOND_TO_DRAFT,
)
from learning.views.common import StaffOrLiaisonMixin, TransitionView, redirect_to_detail
from oversight.core.permissions import StaffOnlyMixin
from oversight.core.services import view_log_record


class RecommendationDetailView(StaffOrLiaisonMixin, View):
    def get(self, request, reference):
        recommendation = selectors.recommendation_get(user=request.user, reference=reference)
        view_log_record(user=request.user, record=recommendation)
        is_staff = request.user.is_casework_staff
        context = {
            "recommendation": recommendation,
            "responses": list(recommendation.responses.all()),
            "extensions": list(recommendation.extensions.all()),
            "is_staff": is_staff,
            "history": (
                selectors.recommendation_history(recommendation=recommendation) if is_staff else []
            ),
            "today": timezone.localdate(),
        }
        return render(request, "learning/recommendation_detail.html", context)


class RecommendationRespondView(StaffOrLiaisonMixin, TransitionView):
    """A liaison answers online; staff record a response that came by email or on paper."""

    template = "learning/recommendation_respond.html"

    @property
    def form_class(self):
        return StaffResponseForm if self.request.user.is_casework_staff else ResponseForm

    def allowed(self, recommendation):
        if recommendation.can_be_answered:
            return None
        if recommendation.responded_on:
            return "A final response has already been recorded."
        return RESPOND_TO_DRAFT

    def initial(self, recommendation):
        return {
            "version": recommendation.version,
            "is_final": "yes",
            "publication_declined": "no",
        }

    def get_extra(self, request):
        return {"actions": PlannedActionFormSet(prefix="actions")}

    def post_extra(self, request):
        return {"actions": PlannedActionFormSet(request.POST, prefix="actions")}

    def extra_context(self, request, recommendation):
        return {"is_staff": request.user.is_casework_staff}

    def perform(self, request, recommendation, form, actions):
        data = form.cleaned_data
        services.recommendation_respond(
            actor=request.user,
            recommendation=recommendation,
            status=data["status"],
            response=data["response"],
            responded_on=data.get("responded_on"),
            received_via=data.get("received_via", ReceivedVia.ONLINE),
            planned_actions=planned_actions_from(actions),
            is_final=data["is_final"],
            publication_declined=data["publication_declined"],
            version=data["version"],
            today=timezone.localdate(),
        )
        return f"Response to {recommendation.reference} recorded."


class RecommendationExtendView(StaffOnlyMixin, TransitionView):
    template = "learning/recommendation_extend.html"
    form_class = ExtensionForm

    def allowed(self, recommendation):
        if not recommendation.is_statutory or recommendation.is_draft:
            return EXTEND_NOT_STATUTORY
        if recommendation.responded_on:
            return EXTEND_NOT_AWAITING
        return None

    def perform(self, request, recommendation, form):
        data = form.cleaned_data
        extension = services.recommendation_extend(
            actor=request.user,
            recommendation=recommendation,
            requested_on=data["requested_on"],
            new_due_on=data["new_due_on"],
            reason=data["reason"],
            version=data["version"],
            today=timezone.localdate(),
        )
        return f"Response now due by {extension.new_due_on:%-d %B %Y}."


class RecommendationImplementView(StaffOnlyMixin, TransitionView):
    template = "learning/recommendation_implement.html"
    form_class = ImplementForm

    def allowed(self, recommendation):
        if recommendation.status in rules.IMPLEMENTABLE_STATUSES:
            return None
        return NOT_IMPLEMENTABLE

    def initial(self, recommendation):
        return {"version": recommendation.version, "implemented_on": timezone.localdate()}

    def perform(self, request, recommendation, form):
        data = form.cleaned_data
        services.recommendation_implement(
            actor=request.user,
            recommendation=recommendation,
            implemented_on=data["implemented_on"],
            evidence=data["evidence"],
            version=data["version"],
            today=timezone.localdate(),
        )
        return f"Recommendation {recommendation.reference} marked as implemented."


class ResponsePublicationView(StaffOnlyMixin, View):
    template = "learning/response_publication.html"

    def _load(self, request, reference, pk):
        recommendation = selectors.recommendation_get(user=request.user, reference=reference)
        return recommendation, selectors.response_get(recommendation=recommendation, pk=pk)

    def get(self, request, reference, pk):
        recommendation, response = self._load(request, reference, pk)
        form = PublicationForm(initial={"published_on": timezone.localdate()})
        return self._render(request, recommendation, response, form)

    def _render(self, request, recommendation, response, form):
        context = {"form": form, "recommendation": recommendation, "response": response}
        return render(request, self.template, context)

    def post(self, request, reference, pk):
        recommendation, response = self._load(request, reference, pk)
        form = PublicationForm(request.POST)
        if form.is_valid():
            try:
                if form.cleaned_data["decision"] == "published":
                    services.response_publish(
                        actor=request.user,
                        response=response,
                        published_on=form.cleaned_data["published_on"],
                        today=timezone.localdate(),
                    )
                    message = "Publication recorded."
                else:
                    services.response_withhold(actor=request.user, response=response)
                    message = "The recipient's request not to publish is recorded."
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, message)
                return redirect_to_detail(reference)
        return self._render(request, recommendation, response, form)
