"""What the recommendation pages share: a step on one recommendation, through one service."""

from learning import selectors
from oversight.core.permissions import PermissionRequiredMixin
from oversight.core.views import ServiceFormView


class RecommendationStepView(PermissionRequiredMixin, ServiceFormView):
    """A form that moves a recommendation on; the service checks the state and the rules."""

    permission_required = "learning.change_recommendation"
    lookup = staticmethod(selectors.recommendation_get)
    context_object_name = "recommendation"
