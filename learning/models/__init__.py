"""The learning app's models: recommendations and their choices (recommendations.py), and the
recipients' responses, planned actions and extensions (responses.py)."""

from learning.models.recommendations import (
    SOURCE_DETAIL_URLS,
    PublicationDecision,
    ReceivedVia,
    Recommendation,
    RecommendationQuerySet,
    RecommendationStatus,
    RecommendationType,
    ResponseStatus,
    SourceKind,
)
from learning.models.responses import PlannedAction, RecommendationResponse, ResponseExtension

__all__ = [
    "SOURCE_DETAIL_URLS",
    "PlannedAction",
    "PublicationDecision",
    "ReceivedVia",
    "Recommendation",
    "RecommendationQuerySet",
    "RecommendationResponse",
    "RecommendationStatus",
    "RecommendationType",
    "ResponseExtension",
    "ResponseStatus",
    "SourceKind",
]
