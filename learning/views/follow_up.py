"""A recommendation's page, its response (staff or the recipient's liaison), extensions,
implementation and publication."""

from learning import rules, selectors, services
from learning.forms import (
    ExtensionForm,
    ImplementForm,
    PlannedActionFormSet,
    PublicationForm,
    ResponseForm,
    StaffResponseForm,
    planned_actions_from,
)
from learning.models import ReceivedVia
from learning.services.messages import (
    EXTEND_NOT_AWAITING,
    EXTEND_NOT_STATUTORY,
    NOT_IMPLEMENTABLE,
    RESPOND_TO_DRAFT,
)
from learning.views.common import RecommendationStepView
from oversight.core.formatting import long_date
from oversight.core.permissions import PermissionRequiredMixin
from oversight.core.views import RecordDetailView

ALREADY_ANSWERED = "A final response has already been recorded."


class RecommendationDetailView(PermissionRequiredMixin, RecordDetailView):
    permission_required = "learning.view_recommendation"
    template_name = "learning/recommendation_detail.html"
    lookup = staticmethod(selectors.recommendation_get)
    context_object_name = "recommendation"

    def get_context_data(self, recommendation):
        is_staff = self.request.user.is_casework_staff
        return {
            "responses": list(recommendation.responses.all()),
            "extensions": list(recommendation.extensions.all()),
            "is_staff": is_staff,
            "history": (
                selectors.recommendation_history(recommendation=recommendation) if is_staff else []
            ),
        }


class RecommendationRespondView(RecommendationStepView):
    """A liaison answers online; staff record a response that came by email or on paper."""

    permission_required = "learning.respond_recommendation"
    template_name = "learning/recommendation_respond.html"

    @property
    def form_class(self):
        return StaffResponseForm if self.request.user.is_casework_staff else ResponseForm

    def refusal(self):
        if self.object.can_be_answered:
            return None
        return ALREADY_ANSWERED if self.object.responded_on else RESPOND_TO_DRAFT

    def get_initial(self):
        return {"version": self.object.version, "is_final": "yes", "publication_declined": "no"}

    def get_formsets(self, data=None):
        return {"actions": PlannedActionFormSet(data, prefix="actions")}

    def get_context_data(self, **context):
        is_staff = self.request.user.is_casework_staff
        return super().get_context_data(is_staff=is_staff, **context)

    def perform(self, form, actions):
        data = form.cleaned_data
        services.recommendation_respond(
            actor=self.request.user,
            recommendation=self.object,
            status=data["status"],
            response=data["response"],
            responded_on=data.get("responded_on"),
            received_via=data.get("received_via", ReceivedVia.ONLINE),
            planned_actions=planned_actions_from(actions),
            is_final=data["is_final"],
            publication_declined=data["publication_declined"],
            version=data["version"],
            today=self.today,
        )
        return f"Response to {self.object.reference} recorded."


class RecommendationExtendView(RecommendationStepView):
    template_name = "learning/recommendation_extend.html"
    form_class = ExtensionForm
    service = staticmethod(services.recommendation_extend)

    def refusal(self):
        if not self.object.is_statutory or self.object.is_draft:
            return EXTEND_NOT_STATUTORY
        if self.object.responded_on:
            return EXTEND_NOT_AWAITING
        return None

    def perform(self, form):
        extension = self.call_service(**form.cleaned_data)
        return f"Response now due by {long_date(extension.new_due_on)}."


class RecommendationImplementView(RecommendationStepView):
    template_name = "learning/recommendation_implement.html"
    form_class = ImplementForm

    def refusal(self):
        return None if self.object.status in rules.IMPLEMENTABLE_STATUSES else NOT_IMPLEMENTABLE

    def get_initial(self):
        return {"version": self.object.version, "implemented_on": self.today}

    service = staticmethod(services.recommendation_implement)
    success_message = "Recommendation {object.reference} marked as implemented."


class ResponsePublicationView(RecommendationStepView):
    """Record that a response was published, or that the recipient asked it not be."""

    template_name = "learning/response_publication.html"
    form_class = PublicationForm

    def get_object(self):
        recommendation = super().get_object()
        self.response = selectors.response_get(recommendation=recommendation, pk=self.kwargs["pk"])
        return recommendation

    def get_initial(self):
        return {"published_on": self.today}

    def get_context_data(self, **context):
        return super().get_context_data(response=self.response, **context)

    def perform(self, form):
        if form.cleaned_data["decision"] == "published":
            services.response_publish(
                actor=self.request.user,
                response=self.response,
                published_on=form.cleaned_data["published_on"],
                today=self.today,
            )
            return "Publication recorded."
        services.response_withhold(actor=self.request.user, response=self.response)
        return "The recipient's request not to publish is recorded."
