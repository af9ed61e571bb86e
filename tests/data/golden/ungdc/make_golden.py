#!/usr/bin/env python3
"""Writes speeches-300.tsv: the expectations of the e2e_ungdc check, derived from the General
Debate speeches in ../shared/ext/ungdc (never copied). Per speech: its path, the citation of
its document (the file's own name: the speeches have no symbol and no title page), and the
longest paragraph of the file in characters (a line in one-per-line files, else a run of lines
between blank lines; a run cut by a running header is counted whole).
Usage: make_golden.py UNGDC_DIR > speeches-300.tsv"""
import os, re, sys

root = sys.argv[1]
files = sorted(os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(root) for f in fs
               if re.match(r'^[A-Z]+_\d+_\d{4}\.txt$', f))
sample = files[::21][:300]
header = re.compile(r'^\s*((\S+/PV\.\S+|\d\d/\d\d/\d{4}|\d{2}-\d{5}|\d{1,4}/\d{1,4}|\d{1,4})\s*){1,3}$')
# Known cases, checked by hand: the reason a unit may be longer than the file's paragraph.
KNOWN = {
    'ATG_78_2023': 'a line that ends no sentence (a heading) is joined to the next paragraph by the structure stage (units.cpp)',
    'KHM_78_2023': 'a line that ends no sentence (a heading) is joined to the next paragraph by the structure stage (units.cpp)',
    'DOM_79_2024': 'words lost: a bold last line ("**Thank you very much.**") is taken as a heading with nothing under it and dropped by the structure stage (units.cpp)',
}
print('# path\tcitation\tlongest_paragraph_chars\tknown (derived by make_golden.py)')
for rel in sample:
    lines = open(os.path.join(root, rel), encoding='utf-8', errors='replace').read().split('\n')
    body = [l.strip() for l in lines if not header.match(l)]
    text = [l for l in body if l]
    ends = re.compile(r'[.;:!?,]["\'\u201d\u2019)\]*]*$')
    per_line = len(text) >= 3 and sum(1 for l in text if ends.search(l)) * 2 >= len(text)
    longest, run = 0, 0
    for l in body:
        if per_line:
            # one paragraph per line: a paragraph ends where its line ends a clause
            if not l: continue
            run += len(l) + 1
            longest = max(longest, run)
            if ends.search(l): run = 0
        else:
            run = run + len(l) + 1 if l else 0
            longest = max(longest, run)
    stem = os.path.basename(rel)[:-4]
    print(f'{rel}\t{stem}\t{longest}\t{KNOWN.get(stem, "")}')
