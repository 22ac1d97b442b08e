"""Every test of Waypoint: core/ (the rules as tables of cases, pure Python), app/ (every page through
Streamlit's AppTest), e2e/ (user journeys in a real Chromium). Also the test-only helpers: a
throw-away PostgreSQL server (postgres.py), PDF text extraction (pdf_text.py) and the generated
five-year notebook (synthetic.py) the benchmarks use too. No product code lives here.
"""
