"""API serializers, one set per role, each naming its fields. They shape input and output;
the services apply the rules. The modules split them by use: reading, the list's summaries,
writing, the public feed, and the schema's shapes."""

from learning.serializers.public import PublicRecommendationSerializer
from learning.serializers.reading import (
    LiaisonRecommendationSerializer,
    StaffRecommendationSerializer,
)
from learning.serializers.schema import (
    RecommendationSchemaSerializer,
    RecommendationSummarySchemaSerializer,
)
from learning.serializers.summaries import DETAIL_ONLY_FIELDS, recommendation_summary
from learning.serializers.writing import (
    IssueSerializer,
    RecommendationCreateSerializer,
    RecommendationUpdateSerializer,
    ResponseWriteSerializer,
)

__all__ = [
    "DETAIL_ONLY_FIELDS",
    "IssueSerializer",
    "LiaisonRecommendationSerializer",
    "PublicRecommendationSerializer",
    "RecommendationCreateSerializer",
    "RecommendationSchemaSerializer",
    "RecommendationSummarySchemaSerializer",
    "RecommendationUpdateSerializer",
    "ResponseWriteSerializer",
    "StaffRecommendationSerializer",
    "recommendation_summary",
]
