"""What the recommendation pages share: a step on one recommendation, through one service."""

from learning import selectors
from oversight.core.permissions import PermissionRequiredMixin
from oversight.core.views import ServiceFormView


class RecommendationStepView(PermissionRequiredMixin, ServiceFormView):
    """A form that moves a recommendation on; the service checks the state and the rules."""

    permission_required = "learning.change_recommendation"
    lookup = staticmethod(selectors.recommendation_get)
    context_object_name = "recommendation"


class DraftingContextMixin:
    """A drafting form offers the themes already in use as suggestions."""

    def get_context_data(self, **context):
        themes = selectors.theme_choices(user=self.request.user)
        return super().get_context_data(themes=themes, **context)
