"""What the recommendation pages share: who may see them, and the shape of a transition."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views import View

from learning import selectors
from learning.forms import add_service_errors
from oversight.core.errors import ConflictError
from oversight.core.permissions import is_force_liaison


class StaffOrLiaisonMixin(LoginRequiredMixin):
    """Pages for staff and for liaisons (scoped to their organisation); anyone else gets 404."""

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not (user.is_casework_staff or is_force_liaison(user)):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


def redirect_to_detail(reference: str):
    """Back to the recommendation's page, where the outcome is shown."""
    return redirect("learning:recommendation-detail", reference=reference)


def form_context(request, form, **extra):
    """A drafting form, with the themes already in use offered as suggestions."""
    return {"form": form, "themes": selectors.theme_choices(user=request.user), **extra}


class TransitionView(View):
    """A form that moves a recommendation on; the service checks the state and the rules.

    Subclasses say when the step is not available (allowed), what the form starts with
    (initial), any formsets beside the form (get_extra, post_extra), and call one service
    (perform), returning the message to show.
    """

    template: str
    form_class: type

    def allowed(self, recommendation) -> str | None:
        """Why this cannot be done now, or None."""
        return None

    def initial(self, recommendation) -> dict:
        return {"version": recommendation.version}

    def extra_context(self, request, recommendation) -> dict:
        return {}

    def get_extra(self, request) -> dict:
        return {}

    def post_extra(self, request) -> dict:
        return {}

    def perform(self, request, recommendation, form, **extra) -> str:
        raise NotImplementedError

    def _load(self, request, reference):
        recommendation = selectors.recommendation_get(user=request.user, reference=reference)
        reason = self.allowed(recommendation)
        if reason:
            messages.error(request, reason)
        return recommendation, reason

    def _render(self, request, recommendation, form, **extra):
        context = {
            "form": form,
            "recommendation": recommendation,
            "today": timezone.localdate(),
            **self.extra_context(request, recommendation),
            **extra,
        }
        return render(request, self.template, context)

    def get(self, request, reference, **kwargs):
        recommendation, refused = self._load(request, reference)
        if refused:
            return redirect_to_detail(reference)
        form = self.form_class(initial=self.initial(recommendation))
        return self._render(request, recommendation, form, **self.get_extra(request))

    def post(self, request, reference, **kwargs):
        recommendation, refused = self._load(request, reference)
        if refused:
            return redirect_to_detail(reference)
        form = self.form_class(request.POST)
        extra = self.post_extra(request)
        if form.is_valid() and all(f.is_valid() for f in extra.values()):
            try:
                message = self.perform(request, recommendation, form, **extra)
            except ValidationError as error:
                add_service_errors(form, error)
            except ConflictError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, message)
                return redirect_to_detail(reference)
        return self._render(request, recommendation, form, **extra)
