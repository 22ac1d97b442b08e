"""The one rule for showing people's own words: as typed, never as markup.

A notebook's text can come from anyone (a client's file, an upload to a public demo), so wherever
it reaches something that reads markup it is escaped first, by the function for that place:

- `markdown`: Streamlit Markdown (st.markdown, captions, titles, alerts, toasts, widget labels,
  options and help). Every character that can start markup anywhere in a line is
  backslash-escaped (emphasis, code, links and images, HTML and entities, tables, LaTeX,
  strikethrough), and so is every mark that starts a block at the start of a line (heading,
  quote, list, rule): no emphasis, link, image, HTML, table, heading, list, LaTeX or Streamlit
  directive (`:red[…]`) can start. Other punctuation stays as it is, because Streamlit also
  uses a widget's label, unparsed, as its name for screen readers ("Score (points)" must not be
  read out with backslashes). Streamlit also rewrites plain text after parsing: `:streamlit:`
  becomes its logo, `:smile:` an emoji, `:material/home:` an icon, `->` an arrow, and a web or
  email address a link. An invisible word joiner (U+2060) inside each of those patterns (after
  the first colon of `:name:`, `:material/…:` and `https:`, after "www" and "@", between `-` and
  `>`) keeps them as typed. Leading spaces become no-break spaces (four would start a code block) and line breaks
  stay line breaks.
- `chart`: Plotly text (hover, axis titles, tick labels, legend, annotations), which reads a few
  HTML tags and entities: `&`, `<` and `>` become entities, a line break a space. Templates
  (`hovertemplate`) never hold people's words; they reach a chart through `customdata`.

Everything from the notebook or worded by the core is plain text; only literal strings written
in the UI's own code are Markdown.
"""

from __future__ import annotations

import re

WORD_JOINER = "\u2060"
NO_BREAK_SPACE = "\u00a0"

# Characters that start markup wherever they are: CommonMark lets a backslash escape each one.
_INLINE = re.compile(r"([\\`*_~\[\]<&$|])")
# Marks that start a block at the start of a line (after any indent): a heading, a quote, a list
# item or a rule ("- ", "+ ", "1. ", "2) ", "===" under a line makes it a heading).
_BLOCK = re.compile(r"^([ \t\u00a0]*)([#>+=-]|\d+(?=[.)](?:[ \t]|$)))", re.MULTILINE)
# Where Streamlit rewrites text after parsing: `:streamlit:`, emoji shortcodes (`:smile:`,
# `:+1:`) and icons (`:material/home:`), after their first colon; web addresses
# (`https://…`, `www.…`) and email addresses (`name@host.org`).
# (Each pattern starts with the characters it looks for, not with a look behind: the regex engine
# then skips ahead to them instead of trying every position of a long text.)
_JOINS = re.compile(r"(:(?=[\w+-]+:|material/|//)|www(?=\.)|@(?=[-\w]+\.))", re.IGNORECASE)
# Streamlit's typography: these pairs between spaces become arrows, a dash or a comparison sign.
_TYPOGRAPHY = re.compile(r"(<->|->|<-|--|>=|<=|~=)(?!\S)")
_LEADING = re.compile(r"^[ \t]+", re.MULTILINE)


def _joined(pair: re.Match[str]) -> str:
    symbols, at = pair.group(1), pair.start()
    if at and not pair.string[at - 1].isspace():
        return symbols  # not between spaces (every mark is itself no space, so none starts inside)
    return symbols[0] + WORD_JOINER + symbols[1:]


def _block_mark(start: re.Match[str]) -> str:
    indent, mark = start.group(1), start.group(2)
    if mark.isdigit():  # "1." and "2)" start a list: the mark after the number is escaped
        return indent + mark + "\\"
    return indent + "\\" + mark


def _indent(space: re.Match[str]) -> str:
    return NO_BREAK_SPACE * len(space.group(0).replace("\t", "    "))


def markdown(text: str) -> str:
    """`text` as Streamlit Markdown that shows exactly these characters, line breaks included."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _TYPOGRAPHY.sub(_joined, text)
    text = _JOINS.sub(r"\1" + WORD_JOINER, text)
    text = _INLINE.sub(r"\\\1", text)
    text = _BLOCK.sub(_block_mark, text)
    text = _LEADING.sub(_indent, text)
    return text.replace("\n", "  \n")


def chart(text: str) -> str:
    """`text` for a Plotly label, hover text, title or annotation: tags and entities shown as typed,
    on one line (a line break would split a label)."""
    text = " ".join(text.splitlines()) if "\n" in text or "\r" in text else text
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

