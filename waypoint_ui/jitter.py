"""Spread points that share a position, so every one stays visible and clickable in a chart."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence


def spread(points: Sequence[tuple[float, float]], radius: float = 0.16) -> list[tuple[float, float]]:
    """Points at the same spot placed evenly on a small circle around it; lone points stay put."""
    groups: dict[tuple[float, float], list[int]] = defaultdict(list)
    for i, p in enumerate(points):
        groups[p].append(i)
    out = list(points)
    for (x, y), members in groups.items():
        if len(members) < 2:
            continue
        for k, i in enumerate(members):
            angle = 2 * math.pi * k / len(members) + math.pi / 4
            out[i] = (x + radius * math.cos(angle), y + radius * math.sin(angle))
    return out
