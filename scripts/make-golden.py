#!/usr/bin/env python3
"""Writes the golden unit list of a PDF: what `verbatim show --json` reads from it.

    scripts/make-golden.py [--verbatim BIN] [--out DIR] FILE.pdf...

Each PDF is indexed alone (a copy in a temporary folder, with the manifest.ini that
sits beside it, if any) and its units are written to DIR/<pdf file name>.tsv:

    kind<TAB>label<TAB>pages<TAB>first words<TAB>last words

pages is "2", "2-3" or "-"; the first and last 6 words of the unit's text.

Lines starting with "#" are the reviewer's and survive a rewrite:
    # free text                  a note (what was checked, a known gap)
    #wrong<TAB>kind<TAB>label<TAB>why
                                 the extractor's unit of that kind and label is known
                                 to be wrong, so it is left out of the specification
                                 and the test does not compare it

A golden file is a specification, not a snapshot: this script only bootstraps it
(or refreshes it after a deliberate change). Review every line against the PDF
(`pdftotext -layout`) before committing it. tests/e2e/pdf_test.cpp compares the
extractor's output with these files line by line, using the same rules as below.
"""

import argparse
import json
import re
import os
import shutil
import subprocess
import sys
import tempfile

WORDS = 6
HEADER = "kind\tlabel\tpages\tfirst\tlast"

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def pages_field(pages):
    if not pages:
        return "-"
    first, last = pages[0], pages[-1]
    return str(first) if first == last else f"{first}-{last}"


def unit_line(unit):
    # ASCII whitespace only, as the C++ test splits (str.split() would also split at NBSP).
    words = [w for w in re.split(r"[ \t\n\r\f\v]+", unit["text"]) if w]
    fields = [
        unit["kind"],
        unit["label"] or "",
        pages_field(unit.get("pages")),
        " ".join(words[:WORDS]),
        " ".join(words[-WORDS:]),
    ]
    return "\t".join(f.replace("\t", " ") for f in fields)


def only_document(verbatim, db):
    """The one document of a fresh index: `show` with an unknown name lists them."""
    probe = subprocess.run([verbatim, "show", "--db", db, "\x01no-such-document"],
                           capture_output=True, text=True)
    held = probe.stderr.split("it holds:", 1)
    names = held[1].split() if len(held) == 2 else []
    if len(names) != 1:
        sys.exit(f"expected one document in {db}, got: {probe.stderr.strip()}")
    return names[0]


def reviewer_lines(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.startswith("#")]


def wrong_units(notes):
    """(kind, label) pairs named by #wrong lines."""
    keys = set()
    for note in notes:
        fields = note.split("\t")
        if fields[0] == "#wrong" and len(fields) >= 3:
            keys.add((fields[1], fields[2]))
    return keys


def golden_of(verbatim, pdf, notes):
    with tempfile.TemporaryDirectory(prefix="verbatim-golden-") as tmp:
        files = os.path.join(tmp, "files")
        os.mkdir(files)
        shutil.copy(pdf, files)
        manifest = os.path.join(os.path.dirname(os.path.abspath(pdf)), "manifest.ini")
        if os.path.exists(manifest):
            shutil.copy(manifest, files)
        db = os.path.join(tmp, "db")
        run = subprocess.run([verbatim, "index", "--db", db, files], capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"indexing {pdf} failed:\n{run.stderr}")
        doc = only_document(verbatim, db)
        show = subprocess.run([verbatim, "show", "--db", db, "--json", doc],
                              capture_output=True, text=True, check=True)
        units = json.loads(show.stdout)["units"]
    wrong = wrong_units(notes)
    kept = [unit_line(u) for u in units if (u["kind"], u["label"] or "") not in wrong]
    return "\n".join([HEADER] + notes + kept) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbatim", default=os.path.join(ROOT, "build", "cli", "verbatim"))
    parser.add_argument("--out", default=os.path.join(ROOT, "tests", "data", "golden"))
    parser.add_argument("pdfs", nargs="+")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for pdf in args.pdfs:
        target = os.path.join(args.out, os.path.basename(pdf) + ".tsv")
        text = golden_of(args.verbatim, pdf, reviewer_lines(target))
        with open(target, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"wrote {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
