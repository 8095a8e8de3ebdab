r"""Human-readable references (REF-2026-000123): the one home of their format and of each
kind of record's prefix, a stable contract. Pure; oversight.core.services.reference_allocate
gives out the numbers.
"""

# The prefix of each kind of record's reference.
REFERRAL = "REF"
INVESTIGATION = "INV"
APPEAL = "APP"
REVIEW = "REV"
RECOMMENDATION = "REC"


def format_reference(prefix: str, year: int, number: int) -> str:
    """A reference as people write it: prefix, year, six-digit number."""
    return f"{prefix}-{year}-{number:06d}"


def reference_pattern(*prefixes: str) -> str:
    r"""A regular expression that matches whole references with one of these prefixes, as
    format_reference writes them: ^INV-\d{4}-\d{6}$, or ^(APP|REV)-\d{4}-\d{6}$."""
    prefix = prefixes[0] if len(prefixes) == 1 else f"({'|'.join(prefixes)})"
    return rf"^{prefix}-\d{{4}}-\d{{6}}$"
