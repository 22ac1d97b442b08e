"""Every page run through Streamlit's AppTest against a fresh database (conftest.py): what it says,
what it saves, and that bad input is explained beside its field. No browser here; that is e2e/."""
