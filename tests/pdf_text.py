"""Read the text back out of a PDF written by fpdf2, so tests can check what a person will read.

No PDF reader is installed (pypdf and poppler's pdftotext are not available), and fpdf2 only
writes. fpdf2's output is regular: Flate-compressed content streams, Type0 fonts with Identity-H
two-byte codes and a ToUnicode CMap. This reads exactly that (literal and hex strings shown with
Tj and TJ), which is enough to find the words on the page; it is no general PDF parser.
"""

from __future__ import annotations

import re
import zlib

_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f", b"(": b"(", b")": b")", b"\\": b"\\"}
_HEADER = re.compile(rb"(\d+) 0 obj\s*")


def _objects(data: bytes) -> dict[int, tuple[bytes, bytes]]:
    """Object number -> (its dictionary, its stream decompressed). Streams are cut by their
    /Length: compressed bytes may happen to contain anything, "endobj" included."""
    out: dict[int, tuple[bytes, bytes]] = {}
    pos = 0
    while m := _HEADER.search(data, pos):
        start = m.end()
        stream_at, end_at = data.find(b"stream", start), data.find(b"endobj", start)
        if stream_at != -1 and stream_at < end_at:
            head = data[start:stream_at]
            length_m = re.search(rb"/Length (\d+)", head)
            assert length_m, head
            body = stream_at + len(b"stream")
            body += 2 if data[body : body + 2] == b"\r\n" else 1
            raw = data[body : body + int(length_m.group(1))]
            out[int(m.group(1))] = (head, zlib.decompress(raw) if b"/FlateDecode" in head else raw)
            pos = data.find(b"endobj", body + len(raw)) + len(b"endobj")
        else:
            out[int(m.group(1))] = (data[start:end_at], b"")
            pos = end_at + len(b"endobj")
    return out


def _cmap(text: bytes) -> dict[int, str]:
    out: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            start = int.from_bytes(bytes.fromhex(dst.decode()), "big")
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[code] = chr(start + i)
    return out


def _literal(s: bytes) -> bytes:
    out, i = bytearray(), 0
    while i < len(s):
        c = s[i : i + 1]
        if c != b"\\":
            out += c
            i += 1
            continue
        nxt = s[i + 1 : i + 2]
        if nxt in _ESCAPES:
            out += _ESCAPES[nxt]
            i += 2
        elif nxt.isdigit():
            m = re.match(rb"[0-7]{1,3}", s[i + 1 :])
            assert m
            out.append(int(m.group(0), 8) & 0xFF)
            i += 1 + len(m.group(0))
        elif nxt in (b"\n", b"\r"):
            i += 2
        else:
            out += nxt
            i += 2
    return bytes(out)


_TOKENS = re.compile(rb"/(\w+)\s+[\d.]+\s+Tf|\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|\bTj\b|\bTJ\b|\[|\]", re.S)


def lines(data: bytes) -> list[str]:
    """The strings shown on every page, in drawing order (one entry per Tj/TJ)."""
    objs = _objects(data)
    fonts: dict[str, dict[int, str]] = {}
    for body, _ in objs.values():
        m = re.search(rb"/Font\s*<<(.*?)>>", body, re.S)
        if not m:
            continue
        for name, ref in re.findall(rb"/(\w+)\s+(\d+) 0 R", m.group(1)):
            font, _ = objs[int(ref)]
            tu = re.search(rb"/ToUnicode (\d+) 0 R", font)
            fonts[name.decode()] = _cmap(objs[int(tu.group(1))][1]) if tu else {}
    pages = [n for n, (b, _) in objs.items() if re.search(rb"/Type /Page\b", b)]
    out: list[str] = []
    for n in sorted(pages):
        for ref in re.findall(rb"/Contents (\d+) 0 R", objs[n][0]):
            content = objs[int(ref)][1]
            font: dict[int, str] = {}
            pending: list[bytes] = []
            for tok in _TOKENS.finditer(content):
                t = tok.group(0)
                if tok.group(1):
                    font = fonts.get(tok.group(1).decode(), {})
                elif t.startswith(b"("):
                    pending.append(_literal(t[1:-1]))
                elif t.startswith(b"<"):
                    pending.append(bytes.fromhex(re.sub(rb"\s", b"", t[1:-1]).decode()))
                elif t in (b"Tj", b"TJ"):
                    raw = b"".join(pending)
                    pending = []
                    codes = [int.from_bytes(raw[i : i + 2], "big") for i in range(0, len(raw) - 1, 2)]
                    out.append("".join(font.get(c, "\ufffd") for c in codes))
    return out


def text(data: bytes) -> str:
    """All the words of the document as one line, so wrapped sentences can be searched whole."""
    return " ".join(" ".join(lines(data)).split())


def page_count(data: bytes) -> int:
    return sum(bool(re.search(rb"/Type /Page\b", head)) for head, _ in _objects(data).values())
