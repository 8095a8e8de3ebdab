"""Drafting, editing and issuing recommendations (staff)."""

from learning import services
from learning.forms import IssueForm, RecommendationEditForm, RecommendationForm
from learning.models import RecommendationKind
from learning.views.common import RecommendationStepView
from oversight.core.permissions import PermissionRequiredMixin
from oversight.core.views import ServiceFormView

ALREADY_ISSUED = "This recommendation has already been issued."
SOURCE_FIELDS = ("source_kind", "source_reference")


class RecommendationCreateView(PermissionRequiredMixin, ServiceFormView):
    permission_required = "learning.add_recommendation"
    template_name = "learning/recommendation_form.html"
    form_class = RecommendationForm
    extra_context = {"creating": True}

    def get_initial(self):
        """A link from an investigation's or application's page names it as the source."""
        source = {name: self.request.GET.get(name, "") for name in SOURCE_FIELDS}
        return {
            "is_statutory": "no",
            "kind": RecommendationKind.LEARNING,
            **{name: value for name, value in source.items() if value},
        }

    def perform(self, form):
        self.object = services.recommendation_create(
            actor=self.request.user, today=self.today, **form.cleaned_data
        )
        return f"Draft recommendation {self.object.reference} saved."


class RecommendationEditView(RecommendationStepView):
    template_name = "learning/recommendation_form.html"
    form_class = RecommendationEditForm

    def refusal(self):
        return None if self.object.is_draft else "Only a draft can be changed."

    def get_form_kwargs(self):
        return {"theme_on_record": self.object.theme}

    def get_initial(self):
        recommendation = self.object
        return {
            "source_kind": recommendation.source_kind,
            "source_reference": recommendation.source_reference,
            "recipient": recommendation.recipient.code if recommendation.recipient else None,
            "theme": recommendation.theme.code if recommendation.theme else None,
            "type": recommendation.type,
            "text": recommendation.text,
            "is_statutory": "yes" if recommendation.is_statutory else "no",
            "kind": recommendation.kind,
            "version": recommendation.version,
        }

    def perform(self, form):
        data = dict(form.cleaned_data)
        services.recommendation_update(
            actor=self.request.user,
            recommendation=self.object,
            version=data.pop("version"),
            **data,
        )
        return f"Draft {self.object.reference} saved."


class RecommendationIssueView(RecommendationStepView):
    template_name = "learning/recommendation_issue.html"
    form_class = IssueForm

    def refusal(self):
        return None if self.object.is_draft else ALREADY_ISSUED

    def get_initial(self):
        return {"version": self.object.version, "issued_on": self.today}

    def perform(self, form):
        services.recommendation_issue(
            actor=self.request.user,
            recommendation=self.object,
            issued_on=form.cleaned_data["issued_on"],
            version=form.cleaned_data["version"],
            today=self.today,
        )
        return f"Recommendation {self.object.reference} issued."
