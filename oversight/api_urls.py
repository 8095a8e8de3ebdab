"""The REST API under /api/v1/."""

from rest_framework.routers import DefaultRouter

from cases.api import ReferralViewSet

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("referrals", ReferralViewSet, basename="referral")

urlpatterns = router.urls
