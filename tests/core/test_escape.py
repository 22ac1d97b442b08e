"""The one escape rule: people's words reach Markdown and charts as typed, never as markup.

Streamlit's real renderer is checked in the browser (tests/e2e/test_markup_journey.py); here the
rule itself: what each escape produces, and that a reader gets back exactly what was typed.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from career_core.escape import NO_BREAK_SPACE, WORD_JOINER, chart, markdown

WJ = WORD_JOINER


def read_back(escaped: str) -> str:
    """What CommonMark makes of the escapes: a backslash before punctuation shows the punctuation."""
    seen = escaped.replace(WJ, "").replace("  \n", "\n")
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", seen)


@pytest.mark.parametrize(
    ("typed", "markdown_source"),
    [
        ("plain words", "plain words"),
        ("Engagement (points), 12.5 hours; 100% sure?", "Engagement (points), 12.5 hours; 100% sure?"),
        ("**bold** _it_ ~~gone~~", r"\*\*bold\*\* \_it\_ \~\~gone\~\~"),
        ("![p](https://t.example/p.png)", r"!\[p\](https:" + WJ + r"//t.example/p.png)"),
        ("[link](javascript:x)", r"\[link\](javascript:x)"),
        ("<img src=x onerror=alert(1)>", r"\<img src=x onerror=alert(1)>"),
        ("&lt; is an entity", r"\&lt; is an entity"),
        (":red[alarm] :material/home: :small[x]",
         r":red\[alarm\] :" + WJ + r"material/home: :small\[x\]"),
        ("$x^2$ and $$y$$", r"\$x^2\$ and \$\$y\$\$"),
        (":streamlit: :smile: :+1:", ":" + WJ + "streamlit: :" + WJ + "smile: :" + WJ + "+1:"),
        ("mail ana@example.org or see www.example.org", "mail ana@" + WJ + "example.org or see www" + WJ + ".example.org"),
        ("a -> b <- c -- d >= e", "a -" + WJ + "> b \\<" + WJ + "- c -" + WJ + "- d >" + WJ + "= e"),
        ("->start, a->b, x <-> y, end ->", "\\->start, a->b, x \\<" + WJ + "-> y, end -" + WJ + ">"),
        ("WWW.example.org, wwww.x.org, @home, ana@@ex.org", "WWW" + WJ + ".example.org, wwww" + WJ + ".x.org, @home, ana@@" + WJ + "ex.org"),
        ("Weekly 1:1 with Sam. Goal: clarity", "Weekly 1:1 with Sam. Goal: clarity"),
        ("# heading\n- item\n+ item\n1. first\n2) second\n> quote",
         "\\# heading  \n\\- item  \n\\+ item  \n1\\. first  \n2\\) second  \n\\> quote"),
        ("title\n===\nrule\n***", "title  \n\\===  \nrule  \n\\*\\*\\*"),
        ("    code?", NO_BREAK_SPACE * 4 + "code?"),
        ("\tindented", NO_BREAK_SPACE * 4 + "indented"),
        ("  - indented item", NO_BREAK_SPACE * 2 + "\\- indented item"),
        ("line one\r\nline two\rthree", "line one  \nline two  \nthree"),
        ("| a | b |\n|---|---|", "\\| a \\| b \\|  \n\\|---\\|---\\|"),
        ("back\\slash `code`", "back\\\\slash \\`code\\`"),
    ],
    ids=["plain", "everyday punctuation stays", "emphasis", "image", "link", "html", "entity", "directives", "latex",
         "shortcodes", "addresses", "typography", "typography only between spaces", "addresses next to other marks", "a time", "blocks", "setext heading and rule", "indented code",
         "tab", "indented list", "line breaks", "table", "code"],
)
def test_markdown_shows_the_text_as_typed(typed, markdown_source):
    assert markdown(typed) == markdown_source


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("Lead <b>10</b> people", "Lead &lt;b&gt;10&lt;/b&gt; people"),
        ('<a href="https://t.example">x</a>', '&lt;a href="https://t.example"&gt;x&lt;/a&gt;'),
        ("&amp; &#60;", "&amp;amp; &amp;#60;"),
        ("two\nlines\r\nhere", "two lines here"),
        ("%{y} stays text", "%{y} stays text"),  # never part of a template: people's words go in customdata
    ],
)
def test_chart_text_shows_tags_and_entities_as_typed(typed, shown):
    assert chart(typed) == shown


@given(st.text())
def test_every_mark_that_starts_markup_is_escaped_and_the_reader_gets_the_text_back(typed):
    escaped = markdown(typed)
    unescaped = re.sub(r"\\[!-/:-@\[-`{-~]", "x", escaped)  # an escaped mark is a plain character
    assert not re.search(r"[\\`*_~\[\]<&$|]", unescaped), escaped  # inline markup, anywhere
    block = re.compile(r"^[ \t\u00a0]*([#>+=-]|\d+[.)](\s|$))", re.MULTILINE)  # heading, quote, list, rule
    assert not block.search(unescaped.replace("  \n", "\n")), escaped
    # A word joiner is invisible: read_back drops the ones escaping adds, and so one typed cannot be told apart.
    expected = typed.replace("\r\n", "\n").replace("\r", "\n").replace(WJ, "")
    expected = re.sub(r"^[ \t]+", lambda m: NO_BREAK_SPACE * len(m.group(0).replace("\t", "    ")), expected,
                      flags=re.MULTILINE)
    assert read_back(escaped) == expected


@given(st.text(alphabet=st.sampled_from(list(":+-_/@.wex1 \n<>=~"))))
def test_no_pattern_streamlit_rewrites_after_parsing_survives(typed):
    text_node = markdown(typed).replace("\\", "")  # what Streamlit's plugins see once escapes are resolved
    assert not re.search(r":[\w+-]+:", text_node)  # emoji shortcodes, :streamlit:
    assert not re.search(r"[a-z]+://|www\.|[-.\w+]+@[-\w]+\.", text_node, re.IGNORECASE)  # autolinks
    assert not re.search(r"(?<!\S)(<->|->|<-|--|>=|<=|~=)(?!\S)", text_node)  # arrows and dashes
