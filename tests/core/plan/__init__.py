"""The plan's tables of cases, one file per module of career_core/plan; cases.py holds the day they assume."""
