"""Who owns a case: the rule of who may give a case to whom, and the messages of ownership.

Every referral, investigation, application and recommendation has an owner (a member of the
casework staff) or is unallocated. Anyone on the staff may take an unallocated case for
themselves ("Assign to me"); only a manager gives a case to someone else, takes one that
someone already has, or leaves it unallocated again. The rule is pure: the services in
oversight.core.services apply it to the locked record.
"""

# Messages (tests assert on them). {reference} is the record's, {owner} its owner's name.
OWNER_NOT_STAFF = "The owner must be an active member of the casework staff."
ALREADY_OWNED = "{reference} is already owned by {owner}: only a manager can reassign it."
ONLY_MANAGERS_ASSIGN = "Only a manager can give a case to someone else."
ONLY_MANAGERS_UNASSIGN = "Only a manager can make a case unallocated."
ONLY_MANAGERS_CHANGE = "Only a manager can change the owner of a case."
TAKEN = "{reference} is now yours."
OWNER_CHANGED = "{reference} is now owned by {owner}."
OWNER_REMOVED = "{reference} is now unallocated."
UNALLOCATED = "Unallocated"


def owner_change_refusal(
    *,
    actor_id: int,
    actor_is_manager: bool,
    current_owner_id: int | None,
    new_owner_id: int | None,
) -> str | None:
    """Why the actor may not move the case from its current owner to the new one (None: they
    may). Leaving the owner as it is is always allowed; a manager may make any change; anyone
    else on the staff may only take an unallocated case for themselves."""
    if new_owner_id == current_owner_id or actor_is_manager:
        return None
    if current_owner_id is not None and current_owner_id != actor_id:
        return ALREADY_OWNED
    if new_owner_id is None:
        return ONLY_MANAGERS_UNASSIGN
    if new_owner_id != actor_id:
        return ONLY_MANAGERS_ASSIGN
    return None
