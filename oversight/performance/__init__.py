"""Timeliness figures: definitions, database aggregates, snapshots, dashboard and API."""
