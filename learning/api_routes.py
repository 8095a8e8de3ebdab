"""This app's API resources, registered under /api/v1/ by oversight/api_urls.py.

Each entry is (prefix, viewset, basename).
"""

from learning.api import PublicRecommendationViewSet, RecommendationViewSet

ROUTES: list[tuple] = [
    ("recommendations", RecommendationViewSet, "recommendation"),
    ("public/recommendations", PublicRecommendationViewSet, "public-recommendation"),
]
