"""The sign-in's forms, in the GOV.UK style."""

from django import forms
from django.contrib.auth.forms import PasswordChangeForm

from oversight.core.forms import GovukForm, GovukFormMixin

CODE_MISSING = "Enter the code"


def code_field(label: str, help_text: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=16,
        error_messages={"required": CODE_MISSING},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "spellcheck": "false",
                "autocapitalize": "none",
                "class": "govuk-input govuk-input--width-10",
            }
        ),
    )


class AuthenticatorConfirmForm(GovukForm):
    token = code_field("Code from your app", "The 6-digit code your authenticator app shows.")


class SecondFactorForm(GovukForm):
    token = code_field(
        "Code",
        "The 6-digit code your authenticator app shows, or one of your recovery codes.",
    )


class RecoveryCodesForm(GovukForm):
    """Making new recovery codes asks for the password again (OWASP ASVS 5.0, 7.5.1)."""

    password = forms.CharField(
        label="Your password",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password"},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("Your password is not right")
        return password


class GovukPasswordChangeForm(GovukFormMixin, PasswordChangeForm):
    """Django's password change: the current password, then the new one twice, checked by
    the password validators (OWASP ASVS 5.0, 6.2.2 and 6.2.3)."""
