from django.urls import path

from cases.referrals import views

app_name = "cases"

urlpatterns = [
    path("", views.ReferralListView.as_view(), name="referral-list"),
    path("export.csv", views.ReferralExportView.as_view(), name="referral-export"),
    path("new/", views.ReferralCreateView.as_view(), name="referral-create"),
    path("<str:reference>/", views.ReferralDetailView.as_view(), name="referral-detail"),
    path("<str:reference>/edit/", views.ReferralEditView.as_view(), name="referral-edit"),
    path("<str:reference>/decide/", views.ReferralDecideView.as_view(), name="referral-decide"),
]
