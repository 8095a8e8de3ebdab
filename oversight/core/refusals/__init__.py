"""Refused requests: who was told 401, 403 or 404, from where, for what (issue 14 item 2)."""
