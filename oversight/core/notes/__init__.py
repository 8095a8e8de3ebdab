"""Case notes: internal, attributed notes on any case record (see models.CaseNote)."""
