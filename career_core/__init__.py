"""Waypoint's core: the notebook model, its rules and its storage. Never imports a UI."""
