#!/usr/bin/env python3
"""Writes the "hostile content" corpus of issue 16 into DIR: well-formed files with content
no real report has, each of which verbatim must index or refuse with a clear message, and
one good report beside them that must always be indexed. Made at test time (tests/e2e/
hostile_test.cpp), so nothing big is committed; the 200 MB file is sparse.

Usage: make-hostile.py DIR [LINES]   LINES: of million_lines.txt (default 1,000,000).
Each file holds the word hostilemarker<name> where it can.
"""
import os
import sys

GOOD = """A/HRC/55/99

Distr.: General 2 March 2024

Original: English

Human Rights Council

Report of the Working Group on hostile inputs

1. The Working Group met in Geneva and considered the goodfilemarker question.

2. It adopted the present report.
"""


def write(dir, name, data):
    with open(os.path.join(dir, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def main():
    out = sys.argv[1]
    # The line count of million_lines.txt: a sanitizer build reads a tenth (same shape).
    lines = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    os.makedirs(out, exist_ok=True)
    write(out, "good.txt", GOOD)
    para = "The Working Group recommended that States strengthen cooperation hostilemarker{}. "
    # A line of 2 MB without a break: longer than the 1 MB a line may have.
    write(out, "long_line.txt", (para.format("longline") * 30000)[: 2 << 20] + "\n")
    # A line of 900 KB: within the limit, indexed.
    write(out, "long_line_ok.txt", "Report\n\n" + (para.format("longlineok") * 11000)[: 900_000] + "\n")
    # One word of a megabyte, and one of 300 KB of digits.
    write(out, "long_word.txt", "hostilemarkerlongword " + "a" * (1 << 20) + " end\n\n" + "7" * 300_000 + "\n")
    # Brackets nested 100,000 deep, round and square, and Markdown-like links.
    write(out, "deep_brackets.txt",
          "hostilemarkerdeepbrackets " + "(" * 100_000 + ")" * 100_000 + "\n\n" + "[" * 50_000 + "x" + "]" * 50_000 + "\n")
    # A million lines.
    write(out, "million_lines.txt", "hostilemarkermillionlines\n\n" + "".join(f"{i % 97}. Line of text.\n" for i in range(lines)))
    # Page numbers no page has, in headers, footers and counters.
    pages = []
    for n in ("99999999999", "184467440737095516160", "2147483648", "-1", "0"):
        pages.append(f"Page {n}\n\nA/HRC/55/98\n\n1. The text of page {n} hostilemarkergiantpagenumbers.\n\n- {n} -\n\n{n}/{n}\n")
    write(out, "giant_page_numbers.txt", "\f".join(pages))
    # NUL bytes inside the text.
    write(out, "nul_bytes.txt", b"hostilemarkernulbytes report\n\n1. The text\x00 has\x00\x00 nul bytes.\n" * 50)
    # Mixed directions with explicit overrides and isolates left open.
    mixed = ("1. hostilemarkermixeddirections \u202eمرحبا بالعالم\u202c English \u2067עברית\u2066 123 "
             "\u202d\u202e\u202d nested overrides \u2068 open isolate\n")
    write(out, "mixed_directions.txt", "Report\n\n" + mixed * 2000)
    # Thousands of combining marks on one letter, and a zalgo paragraph.
    write(out, "combining_marks.txt",
          "hostilemarkercombiningmarks\n\na" + "\u0301" * 5000 + " b" + "\u0308\u0323" * 3000 + "\n\n" +
          " ".join("word" + "\u0300\u0316" * 40 for _ in range(500)) + "\n")
    # Zero-width characters between and inside words.
    zw = "\u200b\u200c\u200d\u2060\ufeff"
    write(out, "zero_width.txt", "hostilemarkerzerowidth\n\n" + zw.join("paragraph" for _ in range(20000)) + "\n\n" + zw * 50000 + "\n")
    # 200 MB, sparse: refused by the size limit (the test sets --max-file-mb 100).
    with open(os.path.join(out, "huge_200mb.txt"), "wb") as f:
        f.write(b"hostilemarkerhuge200mb\n")
        f.truncate(200 << 20)


if __name__ == "__main__":
    main()
