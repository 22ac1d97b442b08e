"""The core's rules as tables of cases, one file per module of career_core (the plan's in plan/);
test_house_rules.py checks the rules of the house itself. Nothing here imports Streamlit."""
