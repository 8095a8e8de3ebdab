"""The Django admin, with the site that asks for the second factor."""

from django.contrib.admin.apps import AdminConfig


class VerifiedAdminConfig(AdminConfig):
    default_site = "oversight.core.signin.admin.VerifiedAdminSite"
