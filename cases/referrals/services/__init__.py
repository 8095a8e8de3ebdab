"""Every write to referrals: log one, edit its details, determine the mode of investigation.

The functions are re-exported here; the error messages are in messages.py.
"""

from cases.referrals.services.decisions import referral_decide
from cases.referrals.services.details import referral_create, referral_revise, referral_update

__all__ = ["referral_create", "referral_decide", "referral_revise", "referral_update"]
