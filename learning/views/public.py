"""The published feed: issued recommendations and published responses, no sign-in needed."""

from django.shortcuts import render
from django.views import View

from learning import selectors
from learning.filters import PublicRecommendationFilter
from oversight.core.paging import paginate


class PublicRecommendationListView(View):
    """Anyone may read the issued recommendations and the published responses."""

    def get(self, request):
        filterset = PublicRecommendationFilter(
            request.GET,
            queryset=selectors.public_recommendation_list(),
            themes=selectors.public_theme_choices(),
        )
        context = {"filter": filterset, **paginate(request, filterset.qs)}
        return render(request, "learning/public_list.html", context)


class PublicRecommendationDetailView(View):
    def get(self, request, reference):
        recommendation = selectors.public_recommendation_get(reference=reference)
        published = recommendation.published_responses
        context = {
            "recommendation": recommendation,
            "response": published[-1] if published else None,
        }
        return render(request, "learning/public_detail.html", context)
