"""The cases app's models, by topic: referrals and their determinations (referrals.py),
investigations (investigations.py), the people under investigation and their outcomes
(people.py), and statutory notices (notices.py)."""

from cases.models.investigations import (
    INVESTIGATION_MODES,
    Investigation,
    InvestigationStatus,
    InvestigationTheme,
    PauseReason,
    StatusChange,
    Theme,
)
from cases.models.notices import NoticeAction, StatutoryNotice
from cases.models.people import (
    Allegation,
    ChargingDecision,
    Consequence,
    DisciplinaryResult,
    Outcome,
    Subject,
)
from cases.models.referrals import (
    Category,
    Determination,
    MatterType,
    Mode,
    Referral,
    ReferralStatus,
    ReferralType,
)

__all__ = [
    "INVESTIGATION_MODES",
    "Allegation",
    "Category",
    "ChargingDecision",
    "Consequence",
    "Determination",
    "DisciplinaryResult",
    "Investigation",
    "InvestigationStatus",
    "InvestigationTheme",
    "MatterType",
    "Mode",
    "NoticeAction",
    "Outcome",
    "PauseReason",
    "Referral",
    "ReferralStatus",
    "ReferralType",
    "StatusChange",
    "StatutoryNotice",
    "Subject",
    "Theme",
]
