"""Demo data for `manage.py seed_demo`: realistic, internally consistent casework in bulk.

volumes.py holds the published figures the generators aim at; one module per family
(referrals, investigations, applications, recommendations) builds rows with the apps' own
rule functions; runner.py ties them together in one transaction.
"""
