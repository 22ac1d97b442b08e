"""The one-page development plan as a PDF, written with fpdf2.

The text is set in DejaVu Sans, shipped with Waypoint (career_core/exports/fonts, from Debian's
fonts-dejavu-core, Bitstream Vera licence), so accents, Greek, Cyrillic, arrows and most symbols
print as typed on any machine, with nothing fetched. Characters the font has no glyph for (Chinese,
Japanese, Korean, colour emoji) print as a visible replacement mark rather than vanishing, unless
a Noto CJK font is installed on the machine, in which case it is used for them.

The plan is meant to fit on one page: when it does not, the type is set smaller, step by step,
down to a size that is still comfortable to read; a plan longer than that flows onto a second page.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Mapping
from datetime import date
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from career_core import wording
from career_core.exports.plan_document import PlanDocument, plan_document
from career_core.models import Notebook
from career_core.progress import GoalProgress

FONTS = Path(__file__).resolve().parent / "fonts"
REGULAR, BOLD = FONTS / "DejaVuSans.ttf", FONTS / "DejaVuSans-Bold.ttf"
# Optional fallbacks for scripts DejaVu lacks, used only when the system has them.
FALLBACKS = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc"),
)
SCALES = (1.0, 0.92, 0.85, 0.78, 0.72)  # the last one is still about 8 pt for body text
REPLACEMENT = "\ufffd"
_INVISIBLE = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, *range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)}
INK, MUTED, RULE = (25, 35, 45), (90, 100, 110), (200, 208, 214)


@cache
def _covered(path: Path) -> frozenset[int]:
    if path.suffix == ".ttc":
        font = TTFont(path, fontNumber=0, lazy=True)
    else:
        font = TTFont(path, lazy=True)
    return frozenset(font["cmap"].getBestCmap())


def _fallback() -> Path | None:
    return next((p for p in FALLBACKS if p.exists()), None)


def printable(text: str) -> str:
    """Text the fonts can set: composed, without invisible joiners, control characters as spaces,
    and a replacement mark for anything no font has."""
    covered = _covered(REGULAR)
    extra = _covered(fb) if (fb := _fallback()) else frozenset()
    out = []
    for ch in unicodedata.normalize("NFC", text):
        cp = ord(ch)
        if ch == "\n":
            out.append(ch)
        elif cp in _INVISIBLE:
            continue
        elif unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
            out.append(" ")
        elif cp in covered or cp in extra:
            out.append(ch)
        else:
            out.append(REPLACEMENT)
    return "".join(out)


class _Plan(FPDF):
    def __init__(self, scale: float) -> None:
        super().__init__(format="A4", unit="mm")
        self.scale = scale
        self.set_margins(16, 14, 16)
        self.set_auto_page_break(True, margin=14)
        self.add_font("DejaVu", "", str(REGULAR))
        self.add_font("DejaVu", "B", str(BOLD))
        if fb := _fallback():
            self.add_font("Fallback", "", str(fb))
            self.set_fallback_fonts(["Fallback"], exact_match=False)
        self.set_creator("Waypoint")
        self.add_page()

    def font(self, size: float, bold: bool = False, color: tuple[int, int, int] = INK) -> float:
        pt = size * self.scale
        self.set_font("DejaVu", "B" if bold else "", pt)
        self.set_text_color(*color)
        return pt * 0.46  # line height in mm for this size

    def para(self, text: str, size: float = 10, *, bold: bool = False, color=INK, indent: float = 0,
             after: float = 0.6) -> None:
        h = self.font(size, bold, color)
        self.set_x(self.l_margin + indent)
        self.multi_cell(self.epw - indent, h, printable(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        self.ln(after * self.scale)

    def heading(self, text: str) -> None:
        self.ln(1.8 * self.scale)
        self.para(text, 12, bold=True, after=0.5)
        y = self.get_y()
        self.set_draw_color(*RULE)
        self.line(self.l_margin, y, self.l_margin + self.epw, y)
        self.ln(1.4 * self.scale)

    def bullet(self, text: str, detail: str = "", *, indent: float = 0, mark: str = "•", bold: bool = True) -> None:
        h = self.font(9.8, bold)
        self.set_x(self.l_margin + indent)
        self.font(9.8)
        self.cell(4.5, h, mark)
        self.font(9.8, bold)
        self.multi_cell(self.epw - indent - 4.5, h, printable(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        if detail:
            self.para(detail, 8.3, color=MUTED, indent=indent + 4.5, after=0)
        self.ln(1.0 * self.scale)


def _draw(doc: PlanDocument, scale: float) -> _Plan:
    pdf = _Plan(scale)
    pdf.set_title(printable(f"Development plan: {doc.title}"))
    pdf.para("Development plan", 9, color=MUTED, after=0)
    pdf.para(doc.title, 18, bold=True, after=0.4)
    pdf.para(f"As of {wording.day(doc.on)}", 9, color=MUTED, after=0)

    pdf.heading("Vision")
    pdf.para(doc.vision or "No vision written yet.", 10.5, color=INK if doc.vision else MUTED)
    details = [f"Target role: {doc.target_role}" if doc.target_role else "",
               f"Responsibility: {doc.responsibility}" if doc.responsibility else "",
               f"Horizon: {doc.horizon_year}" if doc.horizon_year else ""]
    if any(details):
        pdf.para("   ·   ".join(d for d in details if d), 9, color=MUTED)

    pdf.heading("Goals")
    if not doc.goals:
        pdf.para("No active goals.", 10, color=MUTED)
    for g in doc.goals:
        kind = "Long-term goal" if g.long_term else ("Stepping stone" if g.stepping_stone else "Goal")
        pdf.bullet(g.statement, " · ".join([kind, *g.facts()]), indent=6 if g.stepping_stone else 0,
                   mark="–" if g.stepping_stone else "•", bold=not g.stepping_stone)

    pdf.heading("Initiatives")
    if not doc.initiatives:
        pdf.para("No initiatives under way.", 10, color=MUTED)
    for i in doc.initiatives:
        detail = " · ".join(x for x in (i.when(), i.status, f"Success looks like: {i.success_measure}" if i.success_measure else "") if x)
        pdf.bullet(i.title, detail)

    pdf.heading("Next actions")
    if not doc.actions:
        pdf.para("Nothing due in the next 30 days.", 10, color=MUTED)
    for a in doc.actions:
        when = wording.due(a.due, doc.on, overdue=a.overdue, with_year=True)
        pdf.bullet(a.title, when + (f" · for: {a.goal}" if a.goal else ""), mark="☐", bold=False)

    pdf.heading("Stop doing")
    if not doc.stop_doing:
        pdf.para("Nothing on the stop-doing list.", 10, color=MUTED)
    for s in doc.stop_doing:
        pdf.bullet(s.line(), bold=False)
    if doc.hours_freed:
        pdf.para(f"Together this frees about {wording.number(doc.hours_freed)} hours a week.", 9, color=MUTED)
    return pdf


def _fill(pdf: _Plan) -> float:
    """How many pages' worth of height the content takes (1.0 = exactly one page)."""
    usable = pdf.h - pdf.t_margin - pdf.b_margin
    return (pdf.pages_count - 1) + (pdf.get_y() - pdf.t_margin) / usable


def render(doc: PlanDocument) -> bytes:
    """The PDF at the largest type size that fits one page (or the smallest, flowing on).

    Setting type is the slow part (about a tenth of a second a pass), so the first pass at full
    size also measures how much too long the plan is; the search then starts at a size that
    could just fit: a paragraph's height shrinks about with the square of the type size (shorter
    lines and fewer of them), a heading's only in proportion.
    """
    logging.getLogger("fontTools.subset").setLevel(logging.WARNING)
    pdf = _draw(doc, SCALES[0])
    if pdf.pages_count > 1:
        optimistic = _fill(pdf) ** -0.5
        for scale in [s for s in SCALES[1:] if s <= optimistic + 1e-9] or SCALES[-1:]:
            pdf = _draw(doc, scale)
            if pdf.pages_count == 1:
                break
    return bytes(pdf.output())


def build(
    notebook: Notebook,
    today: date,
    *,
    scores: Mapping[str, int | None] | None = None,
    progress: Mapping[str, GoalProgress] | None = None,
) -> bytes:
    return render(plan_document(notebook, today, scores=scores, progress=progress))
