"""The account pages, under /account/."""

from django.urls import path

from oversight.core.signin import views

app_name = "account"

urlpatterns = [
    path("", views.AccountView.as_view(), name="home"),
    path("password/", views.PasswordChangeView.as_view(), name="password-change"),
    path("two-factor/set-up/", views.TwoFactorSetUpView.as_view(), name="two-factor-set-up"),
    path("two-factor/verify/", views.TwoFactorVerifyView.as_view(), name="two-factor-verify"),
    path(
        "two-factor/recovery-codes/",
        views.RecoveryCodesView.as_view(),
        name="two-factor-recovery-codes",
    ),
    path("keep-alive/", views.KeepAliveView.as_view(), name="keep-alive"),
]
