#!/usr/bin/env python3
"""Seeds for the fuzz targets that cannot read plain files: messages of the PDF wire
(indexer/extract/pdf_wire.cpp) holding the words of the seed corpus's text files, laid
out as a PDF reader would send them. Usage: fuzz-seeds.py pdf_wire DIR"""
import glob
import os
import struct
import sys


def u32(v):
    return struct.pack("<I", v & 0xFFFFFFFF)


def s(b):
    return u32(len(b)) + b


def f64(d):
    return struct.pack("<d", d)


def page_message(pages):
    out = b"VX2T" + u32(len(pages))
    for index, lines in enumerate(pages):
        out += u32(index) + s(str(index + 1).encode()) + f64(595.0) + f64(842.0)
        words = []
        for row, line in enumerate(lines):
            x = 72.0
            y = 60.0 + 14.0 * row
            for word in line.split()[:12]:
                w = 5.5 * len(word)
                words.append((word.encode()[:40], x, y, x + w, y + 11.0, 11.0))
                x += w + 3.0
        out += u32(len(words))
        for text, x0, y0, x1, y1, size in words:
            out += s(text) + f64(x0) + f64(y0) + f64(x1) + f64(y1) + f64(size) + b"\0"
        out += u32(1) + f64(72.0) + f64(700.0) + f64(200.0)  # a footnote separator
    return out


def main():
    target, work = sys.argv[1], sys.argv[2]
    assert target == "pdf_wire"
    root = os.path.join(os.path.dirname(__file__), "..", "corpus")
    for n, path in enumerate(sorted(glob.glob(os.path.join(root, "*.txt")))[:8]):
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = [l.strip() for l in f.read(3000).splitlines() if l.strip()]
        pages = [lines[i:i + 8] for i in range(0, min(len(lines), 16), 8)] or [[]]
        with open(os.path.join(work, f"corpus-{n}.wire"), "wb") as out:
            out.write(page_message(pages))
    with open(os.path.join(work, "problem.wire"), "wb") as out:
        out.write(b"VX2P" + s(b"a.pdf") + u32(3) + s(b"damaged"))


if __name__ == "__main__":
    main()
