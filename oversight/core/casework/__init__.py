"""The people around a case and the contact log: one home for every kind of case record.

Why here, in the ground (oversight.core), and not in each app or an app of its own: the
parties of a referral, an investigation and an appeal or review are the same people with the
same duties owed to them (2020 Regulations reg. 34), so they are written once, as the owner
of a case is (oversight.core.ownership), and every area uses them. The models point at the
three records by string (``"cases.Referral"``), so the ground imports no app; the areas import
this package (the investigation opened from a referral carries the referral's parties).

A party belongs to exactly one case, by three nullable foreign keys and a check constraint
that exactly one is set: the database keeps the integrity a generic relation could not.
"""
