"""Investigations the oversight body runs or directs: people serving with the police, their
allegations and outcomes, the status lifecycle, the 6- and 12-month clocks and the statutory
notices."""
