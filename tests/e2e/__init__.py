"""User journeys in Debian's Chromium against a real Streamlit server started per test (conftest.py)."""
