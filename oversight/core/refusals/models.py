"""A request refused to someone who can be named: a signed-in user (or a token) told 401,
403 or 404. Repeated refusals are how a liaison probing other forces' references shows, so
managers see them counted per user and address (oversight.core.refusals.views)."""

from django.conf import settings
from django.db import models


class RefusedRequest(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty for a 401 to a request with credentials that name no one.",
    )
    address = models.GenericIPAddressField(null=True, blank=True)
    method = models.CharField(max_length=10)
    path = models.CharField(max_length=500)
    status = models.PositiveSmallIntegerField()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["at"], name="refused_request_at_idx")]

    def __str__(self) -> str:
        return f"{self.status} {self.method} {self.path} for {self.user_id} at {self.at:%c}"
