"""A recommendation's page, its response (staff or the recipient's liaison), extensions,
implementation and publication."""

from learning import rules, selectors, services
from learning.forms import (
    ExtensionForm,
    ImplementForm,
    JudicialReviewEndForm,
    JudicialReviewStartForm,
    PlannedActionFormSet,
    PublicationDecisionForm,
    PublicationForm,
    ResponseForm,
    StaffResponseForm,
    planned_actions_from,
)
from learning.models import PublicationDecision, ReceivedVia
from learning.services.messages import (
    ALREADY_DECIDED,
    ALREADY_PUBLISHED,
    EXTEND_NOT_AWAITING,
    EXTEND_NOT_STATUTORY,
    NO_REPRESENTATIONS,
    NOT_IMPLEMENTABLE,
    NOT_PARAGRAPH_28B,
    NOT_THE_RESPONSE,
    PUBLICATION_DECIDED_NOT,
    PUBLICATION_NOT_DECIDED,
    RESPOND_TO_DRAFT,
)
from learning.views.common import RecommendationStepView
from oversight.core.formatting import long_date
from oversight.core.notes.views import RecordNoteView
from oversight.core.permissions import PermissionRequiredMixin
from oversight.core.views import RecordDetailView, RecordOwnerView, RecordTakeView

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
        return {"version": self.object.version, "is_final": "yes"}

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
            receipt_reason=data.get("receipt_reason", ""),
            received_via=data.get("received_via", ReceivedVia.ONLINE),
            planned_actions=planned_actions_from(actions),
            is_final=data["is_final"],
            representations=data["representations"],
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
        if not self.object.paragraph_28b_applies:
            return NOT_PARAGRAPH_28B
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


class RecommendationJudicialReviewView(RecommendationStepView):
    """Record that judicial review proceedings started, and then that they ended (28B(4))."""

    template_name = "learning/recommendation_judicial_review.html"

    @property
    def form_class(self):
        if self.object.judicial_review_pending:
            return JudicialReviewEndForm
        return JudicialReviewStartForm

    def refusal(self):
        if self.object.judicial_review_pending:
            return None
        if not self.object.is_statutory or self.object.is_draft:
            return EXTEND_NOT_STATUTORY
        if not self.object.paragraph_28b_applies:
            return NOT_PARAGRAPH_28B
        if self.object.responded_on or self.object.judicial_review_started_on:
            return EXTEND_NOT_AWAITING
        return None

    @property
    def service(self):
        if self.object.judicial_review_pending:
            return services.recommendation_judicial_review_end
        return services.recommendation_judicial_review_start

    def perform(self, form):
        ending = self.object.judicial_review_pending
        recommendation = self.call_service(**form.cleaned_data)
        if ending:
            return f"Response now due by {long_date(recommendation.response_due_on)}."
        return "Judicial review proceedings recorded: the response cannot fall overdue meanwhile."


class ResponseStepView(RecommendationStepView):
    """A step on one response of the recommendation."""

    def get_object(self):
        recommendation = super().get_object()
        self.response = selectors.response_get(recommendation=recommendation, pk=self.kwargs["pk"])
        return recommendation

    def get_context_data(self, **context):
        return super().get_context_data(response=self.response, **context)


class ResponsePublicationView(ResponseStepView):
    """Record that a response was published."""

    template_name = "learning/response_publication.html"
    form_class = PublicationForm

    def refusal(self):
        response = self.response
        if response.published_on:
            return ALREADY_PUBLISHED.format(published=long_date(response.published_on))
        if not response.is_final:
            return NOT_THE_RESPONSE
        if response.awaits_publication_decision:
            return PUBLICATION_NOT_DECIDED
        if response.publication_decision == PublicationDecision.NOT_PUBLISHED:
            return PUBLICATION_DECIDED_NOT.format(
                decided=long_date(response.publication_decided_on)
            )
        return None

    def get_initial(self):
        return {"published_on": self.today}

    def perform(self, form):
        services.response_publish(
            actor=self.request.user,
            response=self.response,
            published_on=form.cleaned_data["published_on"],
            today=self.today,
        )
        return "Publication recorded."


class ResponseDecisionView(ResponseStepView):
    """Decide the organisation's representations against publication (28B(7))."""

    template_name = "learning/response_decision.html"
    form_class = PublicationDecisionForm

    def refusal(self):
        if not self.response.representations:
            return NO_REPRESENTATIONS
        if self.response.publication_decision:
            return ALREADY_DECIDED.format(decided=long_date(self.response.publication_decided_on))
        return None

    def get_initial(self):
        return {"decided_on": self.today, "published_text": self.response.text}

    def perform(self, form):
        response = services.response_decide_publication(
            actor=self.request.user, response=self.response, today=self.today, **form.cleaned_data
        )
        return f"Decision recorded: {response.get_publication_decision_display().lower()}."


class RecommendationTakeView(RecordTakeView):
    """Assign to me."""

    lookup = staticmethod(selectors.recommendation_get)


class RecommendationOwnerView(RecordOwnerView):
    """Change owner (managers)."""

    lookup = staticmethod(selectors.recommendation_get)


class RecommendationNoteView(RecordNoteView):
    """Add a note."""

    lookup = staticmethod(selectors.recommendation_get)
