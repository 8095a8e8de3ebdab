"""The learning app's models: recommendations and their choices (recommendations.py), and the
recipients' responses, planned actions and extensions (responses.py)."""

from learning.models.recommendations import (
    PublicationDecision,
    ReceivedVia,
    Recommendation,
    RecommendationKind,
    RecommendationQuerySet,
    RecommendationStatus,
    RecommendationType,
    ResponseStatus,
    SourceKind,
)
from learning.models.responses import PlannedAction, RecommendationResponse, ResponseExtension

__all__ = [
    "PlannedAction",
    "PublicationDecision",
    "ReceivedVia",
    "Recommendation",
    "RecommendationKind",
    "RecommendationQuerySet",
    "RecommendationResponse",
    "RecommendationStatus",
    "RecommendationType",
    "ResponseExtension",
    "ResponseStatus",
    "SourceKind",
]
