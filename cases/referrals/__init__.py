"""Referrals from police forces and the oversight body's decisions on the mode of investigation."""
