"""The baseline page of benchmarks/pages.py: one 2,000-point Plotly chart and a text input, drawn
afresh on every run as a plain Streamlit script would. Pages are timed as ratios against it."""

import math

import plotly.graph_objects as go
import streamlit as st

st.title("Bare page", anchor=False)
st.text_input("Anything")
xs = list(range(2000))
st.plotly_chart(go.Figure(go.Scatter(x=xs, y=[math.sin(x / 50) for x in xs], mode="lines+markers")))
