"""The account pages: your account, changing your password, setting up and verifying the
second factor, recovery codes, and the idle warning's "stay signed in"."""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from django_otp import login as otp_login

from oversight.core.forms import add_service_errors
from oversight.core.signin import selectors, services
from oversight.core.signin.forms import (
    AuthenticatorConfirmForm,
    GovukPasswordChangeForm,
    RecoveryCodesForm,
    SecondFactorForm,
)
from oversight.core.signin.session import HAS_AUTHENTICATOR, LAST_ACTIVITY, now_seconds

PASSWORD_CHANGED = "Your password has been changed"
RECOVERY_CODES_TEMPLATE = "account/recovery_codes_new.html"


def _next_url(request) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return reverse(settings.LOGIN_REDIRECT_URL)


def _verified(request) -> bool:
    return request.user.is_verified()


def _signed_in_with(request, device) -> None:
    """The session now holds the second factor: a new session key for the raised privilege
    (OWASP ASVS 5.0, 7.2.4)."""
    otp_login(request, device)
    request.session.cycle_key()
    request.session[HAS_AUTHENTICATOR] = True


class AccountView(LoginRequiredMixin, TemplateView):
    template_name = "account/account.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return {
            **super().get_context_data(**kwargs),
            "has_authenticator": selectors.has_authenticator(user),
            "recovery_codes_left": selectors.recovery_codes_left(user),
        }


class PasswordChangeView(auth_views.PasswordChangeView):
    """Change your own password: the current one, then the new one twice, checked by the
    password validators (OWASP ASVS 5.0, 6.2.2, 6.2.3). Django keeps this session signed in
    (update_session_auth_hash) and ends every other session of the account (7.4.3)."""

    form_class = GovukPasswordChangeForm
    success_url = reverse_lazy("account:home")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, PASSWORD_CHANGED)
        return response


class TwoFactorSetUpView(LoginRequiredMixin, View):
    """Set up an authenticator app: its QR code (inline SVG) and the secret as text, then
    a code from the app; then ten recovery codes, shown this once (OWASP ASVS 5.0, 6.3.3)."""

    template_name = "account/two_factor_set_up.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and selectors.has_authenticator(request.user):
            # Never a second app from a session that has not verified the first.
            if _verified(request):
                return redirect("account:home")
            return redirect(f"{reverse('account:two-factor-verify')}?{request.GET.urlencode()}")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self._render(request, AuthenticatorConfirmForm())

    def post(self, request):
        form = AuthenticatorConfirmForm(request.POST)
        if form.is_valid():
            try:
                device, codes = services.authenticator_confirm(
                    user=request.user, token=form.cleaned_data["token"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                _signed_in_with(request, device)
                return render(
                    request,
                    RECOVERY_CODES_TEMPLATE,
                    {"codes": codes, "next_url": _next_url(request), "first_time": True},
                )
        return self._render(request, form)

    def _render(self, request, form):
        device = services.authenticator_start(user=request.user)
        image = qrcode.make(
            device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8
        )
        secret = b32encode(device.bin_key).decode()
        context = {
            "form": form,
            "qr_svg": image.to_string(encoding="unicode"),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "next": _next_url(request),
        }
        return render(request, self.template_name, context)


class TwoFactorVerifyView(LoginRequiredMixin, View):
    """The second step of signing in: a code from the authenticator app or a recovery code."""

    template_name = "account/two_factor_verify.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return super().dispatch(request, *args, **kwargs)
        if _verified(request):
            return redirect(_next_url(request))
        if not selectors.has_authenticator(request.user):
            request.session[HAS_AUTHENTICATOR] = False  # reset since sign-in
            if settings.MFA_REQUIRED:
                return redirect(
                    f"{reverse('account:two-factor-set-up')}?{request.GET.urlencode()}"
                )
            return redirect(_next_url(request))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self._render(request, SecondFactorForm())

    def post(self, request):
        form = SecondFactorForm(request.POST)
        if form.is_valid():
            try:
                device = services.second_factor_verify(
                    user=request.user, token=form.cleaned_data["token"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                _signed_in_with(request, device)
                return redirect(_next_url(request))
        return self._render(request, form)

    def _render(self, request, form):
        return render(request, self.template_name, {"form": form, "next": _next_url(request)})


class RecoveryCodesView(LoginRequiredMixin, View):
    """How many recovery codes are left, and a new set for the password (ASVS 5.0, 7.5.1)."""

    template_name = "account/recovery_codes.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not (
            selectors.has_authenticator(request.user) and _verified(request)
        ):
            return redirect("account:two-factor-set-up")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self._render(request, RecoveryCodesForm(user=request.user))

    def post(self, request):
        form = RecoveryCodesForm(request.POST, user=request.user)
        if form.is_valid():
            codes = services.recovery_codes_regenerate(user=request.user)
            return render(
                request,
                RECOVERY_CODES_TEMPLATE,
                {"codes": codes, "next_url": reverse("account:home"), "first_time": False},
            )
        return self._render(request, form)

    def _render(self, request, form):
        left = selectors.recovery_codes_left(request.user)
        return render(request, self.template_name, {"form": form, "left": left})


@method_decorator(require_POST, name="dispatch")
class KeepAliveView(View):
    """The idle warning's "Stay signed in": this request is the session's activity."""

    def post(self, request):
        if not request.user.is_authenticated:
            return HttpResponseForbidden()
        request.session[LAST_ACTIVITY] = now_seconds()
        return HttpResponse(status=204)
