"""Pure domain: events, state machine and fold, deadline calendar, dossier code, text rules.

Imports nothing of ours outside this package, no Qt, no SQLAlchemy, no I/O.
"""
