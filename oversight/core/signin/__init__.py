"""Signing in: the sign-in throttle, two-factor sign-in (TOTP and recovery codes), the idle
session timeout and the self-service password change (OWASP ASVS 5.0 V6 and V7)."""
