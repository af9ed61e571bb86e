#!/usr/bin/env python3
"""Turns the measurements of scripts/bench.sh into a table (stdout) and JSON.

usage: report.py MEASUREMENTS.jsonl HYPERFINE.json RESULTS.json [PREVIOUS.json]
Medians over the runs of each measurement; percentiles as in verbatim_bench (nearest rank).
With PREVIOUS.json (the results of the last run), every figure is printed beside the
previous run's, and those that moved by more than 10% are named, better or worse.
"""
import json
import os
import statistics
import sys


def pct(values, p):
    if not values:
        return None
    v = sorted(values)
    return v[min(int(p * (len(v) - 1) + 0.5), len(v) - 1)]


def med(values):
    return statistics.median(values) if values else None


# Figures where more is better; every other figure (seconds, milliseconds, MB, RSS) is
# better smaller. Ratios against a peer are throughput ratios.
HIGHER_BETTER = ("mb_per_s", "docs_per_s", "units_per_s", "pages_per_s", "ratio_vs_")
MOVED = 0.10  # a change larger than this share is reported as a move


def figures(res):
    """The numeric figures of a results object by path ("text.tools.verbatim.wall_s"),
    leaving out the machine, the lists of single runs and the table itself."""
    out = {}

    def walk(prefix, x):
        if isinstance(x, dict):
            for k, v in x.items():
                if k in ("machine", "table", "targets", "walls", "runs", "lines", "files", "units"):
                    continue
                walk(f"{prefix}.{k}" if prefix else k, v)
        elif isinstance(x, list):
            for i, v in enumerate(x):
                key = v.get("multiple", i) if isinstance(v, dict) else i
                walk(f"{prefix}[{key}]", v)
        elif isinstance(x, (int, float)) and not isinstance(x, bool):
            out[prefix] = float(x)

    walk("", res)
    return out


def compare(res, prev):
    """Lines with each figure beside the previous run's, then what moved."""
    now, before = figures(res), figures(prev)
    pm = prev.get("machine", {})
    lines = [f"## Beside the previous run ({pm.get('date')}, commit {pm.get('commit')}, load at its end {pm.get('load')})",
             f"{'figure':<58}{'now':>12}{'before':>12}{'change':>9}"]
    moved = []
    for key in sorted(now):
        if key not in before:
            continue
        a, b = now[key], before[key]
        change = (a - b) / b if b else None
        lines.append(f"{key:<58}{a:>12.3f}{b:>12.3f}{'' if change is None else f'{change:+.0%}':>9}")
        if change is not None and abs(change) > MOVED:
            better = (change > 0) == any(h in key for h in HIGHER_BETTER)
            moved.append((better, key, change))
    new = sorted(set(now) - set(before))
    if new:
        lines.append("new figures: " + ", ".join(new))
    gone = sorted(set(before) - set(now))
    if gone:
        lines.append("not measured this time: " + ", ".join(gone))
    if moved:
        lines.append(f"moved by more than {MOVED:.0%}:")
        for better, key, change in sorted(moved, key=lambda m: (m[0], -abs(m[2]))):
            lines.append(f"  {'better' if better else 'WORSE '} {key} {change:+.0%}")
    else:
        lines.append(f"nothing moved by more than {MOVED:.0%}")
    return lines


def main():
    mpath, e2e_path, out_path = sys.argv[1:4]
    prev_path = sys.argv[4] if len(sys.argv) > 4 else None
    rows = {}
    for line in open(mpath):
        line = line.strip()
        if line:
            j = json.loads(line)
            rows.setdefault(j.pop("key"), []).append(j)

    def values(key, field):
        # a command that could not start (rc 126, 127) measured nothing
        return [r[field] for r in rows.get(key, []) if r.get(field) is not None and r.get("rc", 0) < 126]

    def mwall(key):
        return med(values(key, "wall_s"))

    def mrss_mb(key):  # the largest over the runs
        v = values(key, "rss_kb")
        return max(v) / 1024 if v else None

    res = {"machine": rows.get("machine", [{}])[0]}
    lines = []
    targets = []

    def target(name, ok, figure, goal, note=""):
        targets.append({"target": name, "met": ok, "figure": figure, "goal": goal, "note": note})

    def fmt(x, spec=".2f", unit=""):
        return "-" if x is None else f"{x:{spec}}{unit}"

    # --- text
    if "text.corpus" in rows:
        c = rows["text.corpus"][0]
        mb = c["bytes"] / 1e6
        summ = rows.get("text.verbatim.summary", [{}])[-1]
        stats = rows.get("text.verbatim.stats", [{}])[-1].get("stats", {})
        units = summ.get("summary", {}).get("units") or stats.get("units")
        text = {"corpus": c["name"], "path": c["path"], "mb": round(mb, 1), "files": c["files"], "units": units, "tools": {}}
        lines.append(f"## Text indexing: {c['name']} ({c['files']} files, {mb:.1f} MB, {units} verbatim units)")
        lines.append(f"{'tool':<26}{'wall s':>9}{'MB/s':>8}{'docs/s':>9}{'units/s':>9}{'CPU s':>8}{'MB/CPU-s':>10}{'peak RSS MB':>13}{'size MB':>9}{'size/src':>9}")
        sizes = {
            "verbatim": values("text.verbatim.summary", "size_b"),
            "omindex": values("text.omindex.size", "size_b"),
            "recollindex": values("text.recoll.size", "size_b"),
            "sqlite-fts5": values("text.fts5.size", "size_b"),
        }
        for tool, key in (("verbatim", "text.verbatim"), ("omindex", "text.omindex"), ("recollindex", "text.recoll"), ("sqlite-fts5", "text.fts5")):
            w = mwall(key)
            if w is None:
                continue
            size = sizes[tool][-1] / 1e6 if sizes[tool] else None
            t = {"runs": len(values(key, "wall_s")), "wall_s": w, "walls": values(key, "wall_s"),
                 "mb_per_s": mb / w, "docs_per_s": c["files"] / w,
                 "units_per_s": (units / w) if (units and tool in ("verbatim", "sqlite-fts5")) else None,
                 "peak_rss_mb": mrss_mb(key), "size_mb": size,
                 "cpu_s": med([r["user_s"] + r["sys_s"] for r in rows[key]])}
            text["tools"][tool] = t
            label = {"sqlite-fts5": "SQLite FTS5 (load units)"}.get(tool, tool)
            lines.append(f"{label:<26}{w:>9.1f}{t['mb_per_s']:>8.2f}{t['docs_per_s']:>9.0f}{fmt(t['units_per_s'], '.0f'):>9}"
                         f"{t['cpu_s']:>8.1f}{mb / t['cpu_s'] if t['cpu_s'] else 0:>10.2f}{fmt(t['peak_rss_mb'], '.0f'):>13}{fmt(size, '.0f'):>9}{fmt(size / mb if size else None, '.1f', 'x'):>9}")
        v = text["tools"].get("verbatim")
        if v:
            for peer in ("omindex", "recollindex", "sqlite-fts5"):
                if peer in text["tools"]:
                    text[f"ratio_vs_{peer}"] = v["mb_per_s"] / text["tools"][peer]["mb_per_s"]
            lines.append("verbatim throughput / peer: " + ", ".join(
                f"{p} {text[f'ratio_vs_{p}']:.2f}x" for p in ("omindex", "recollindex", "sqlite-fts5") if f"ratio_vs_{p}" in text))
            if "recollindex" in text["tools"]:
                r = text["ratio_vs_recollindex"]
                target("text indexing >= 1x recollindex throughput (the goal stays 2x)", r >= 1, f"{r:.2f}x ({v['mb_per_s']:.2f} vs {text['tools']['recollindex']['mb_per_s']:.2f} MB/s)", ">= 1x",
                       "" if r >= 2 else f"needs {1 / r:.1f}x faster for 1x, {2 / r:.1f}x for 2x")
                rs = text["tools"]["recollindex"]["size_mb"]
                if rs and v["size_mb"]:
                    ok = v["size_mb"] <= rs
                    target("index size no larger than Recoll's", ok, f"{v['size_mb']:.0f} MB vs recollindex {rs:.0f} MB" + (f", omindex {text['tools']['omindex']['size_mb']:.0f} MB" if text["tools"].get("omindex", {}).get("size_mb") else ""),
                           "<= recollindex", "" if ok else f"{v['size_mb'] / rs:.2f}x Recoll's")
        res["text"] = text
        lines.append("")

    # --- pdf
    if "pdf.set" in rows:
        s = rows["pdf.set"][0]
        pdf = {"files": s["files"], "pages": s["pages"], "mb": round(s["bytes"] / 1e6, 1), "tools": {}}
        lines.append(f"## PDF indexing: {s['files']} files, {s['pages']} pages, {s['bytes'] / 1e6:.1f} MB (copies of {s['sources']} PDFs)")
        lines.append(f"{'tool':<26}{'wall s':>9}{'pages/s':>9}{'CPU s':>8}{'peak RSS MB':>13}{'size MB':>9}")
        sizes = {"verbatim": values("pdf.verbatim.summary", "size_b"), "omindex": values("pdf.omindex.size", "size_b"), "recollindex": values("pdf.recoll.size", "size_b"), "pdftotext (serial)": []}
        for tool, key in (("verbatim", "pdf.verbatim"), ("pdftotext (serial)", "pdf.pdftotext"), ("omindex", "pdf.omindex"), ("recollindex", "pdf.recoll")):
            w = mwall(key)
            if w is None:
                continue
            size = sizes[tool][-1] / 1e6 if sizes[tool] else None
            cpu = med([r["user_s"] + r["sys_s"] for r in rows[key]])
            pdf["tools"][tool] = {"wall_s": w, "walls": values(key, "wall_s"), "pages_per_s": s["pages"] / w, "cpu_s": cpu, "peak_rss_mb": mrss_mb(key), "size_mb": size}
            lines.append(f"{tool:<26}{w:>9.1f}{s['pages'] / w:>9.0f}{cpu:>8.1f}{fmt(mrss_mb(key), '.0f'):>13}{fmt(size, '.1f'):>9}")
        summ = rows.get("pdf.verbatim.summary", [{}])[-1].get("summary", {})
        pdf["verbatim_summary"] = {k: summ.get(k) for k in ("indexed", "skipped", "units")}
        pdf["verbatim_problems"] = len(summ.get("problems", []))
        v = pdf["tools"].get("verbatim")
        if v:
            for peer in ("pdftotext (serial)", "omindex", "recollindex"):
                if peer in pdf["tools"]:
                    pdf["ratio_vs_" + peer.split()[0]] = v["pages_per_s"] / pdf["tools"][peer]["pages_per_s"]
            lines.append("verbatim pages/s / peer: " + ", ".join(f"{p} {pdf['ratio_vs_' + p]:.2f}x" for p in ("pdftotext", "omindex", "recollindex") if "ratio_vs_" + p in pdf)
                         + f"; verbatim indexed {summ.get('indexed')} files, {summ.get('units')} units, {pdf['verbatim_problems']} problems")
            if "ratio_vs_pdftotext" in pdf:
                r = pdf["ratio_vs_pdftotext"]
                target("PDF indexing faster than serial pdftotext", r > 1, f"{r:.2f}x ({v['pages_per_s']:.0f} vs {pdf['tools']['pdftotext (serial)']['pages_per_s']:.0f} pages/s)", "> 1x",
                       "" if r > 1 else f"needs {1 / r:.1f}x faster")
        res["pdf"] = pdf
        lines.append("")

    # --- ocr
    if "ocr.set" in rows:
        s = rows["ocr.set"][0]
        ocr = {"files": s["files"], "pages": s["pages"], "runs": {}}
        lines.append(f"## OCR: {s['pages']} scanned pages in {s['files']} image-only PDFs (200 dpi, from corpus/*.pdf)")
        lines.append(f"{'run':<34}{'wall s':>9}{'pages/s':>9}{'CPU s':>8}{'peak RSS MB':>13}")
        for label, key in (("OCR, 1 reader (--threads 1)", "ocr.verbatim.t1"), ("OCR, 2 readers (--threads 2)", "ocr.verbatim.t2"),
                           ("re-index from the OCR cache", "ocr.cached")):
            w = mwall(key)
            if w is None:
                continue
            cpu = med([r["user_s"] + r["sys_s"] for r in rows[key]])
            summ = rows.get(key + ".summary", [{}])[-1].get("summary", {})
            ocr["runs"][key] = {"wall_s": w, "pages_per_s": s["pages"] / w, "cpu_s": cpu, "peak_rss_mb": mrss_mb(key),
                                "ocr_pages": summ.get("ocr_pages"), "ocr_pages_cached": summ.get("ocr_pages_cached")}
            lines.append(f"{label:<34}{w:>9.1f}{s['pages'] / w:>9.2f}{cpu:>8.1f}{fmt(mrss_mb(key), '.0f'):>13}")
        res["ocr"] = ocr
        lines.append("")

    # --- queries
    if "query.inproc" in rows:
        q = {"inproc": {r["class"]: r for r in rows["query.inproc"]}}
        lines.append("## Queries (bench/data/queries.txt), milliseconds")
        lines.append(f"{'class':<18}{'lines':>6}{'in-process p50':>16}{'p95':>8}{'p99':>8}{'  |  CLI end to end p50':>22}{'p95':>8}{'p99':>8}")
        e2e = {}
        if os.path.exists(e2e_path):
            for r in json.load(open(e2e_path))["results"]:
                tool, cls, _ = r["command"].split("|")
                e2e.setdefault(tool, {}).setdefault(cls, []).extend(t * 1000 for t in r["times"])
                e2e.setdefault(tool, {}).setdefault("all", []).extend(t * 1000 for t in r["times"])
        q["e2e"] = {tool: {cls: {"p50_ms": pct(v, .5), "p95_ms": pct(v, .95), "p99_ms": pct(v, .99), "runs": len(v)} for cls, v in by.items()} for tool, by in e2e.items()}
        order = ["word", "phrase", "boolean", "filter", "facets", "cite", "agreed", "all"]
        for cls in order:
            r = q["inproc"].get(cls)
            if not r:
                continue
            e = q["e2e"].get("verbatim", {}).get(cls, {})
            lines.append(f"{cls:<18}{r['lines']:>6}{r['p50_ms']:>16.2f}{r['p95_ms']:>8.2f}{r['p99_ms']:>8.2f}{fmt(e.get('p50_ms')):>22}{fmt(e.get('p95_ms')):>8}{fmt(e.get('p99_ms')):>8}")
        vc, qc = q["e2e"].get("verbatim-common", {}).get("all"), q["e2e"].get("quest", {}).get("all")
        if vc and qc:
            lines.append(f"{'same queries, CLI':<18}{'':>6}{'verbatim p50':>16}{vc['p50_ms']:>8.2f}{'  quest p50':>14}{qc['p50_ms']:>8.2f}   (p95 {vc['p95_ms']:.2f} vs {qc['p95_ms']:.2f}; {vc['runs']} runs each)")
            ok = vc["p50_ms"] <= 1.2 * qc["p50_ms"]
            target("CLI end to end no slower than 1.2x quest (p50, same queries)", ok, f"{vc['p50_ms']:.1f} vs {qc['p50_ms']:.1f} ms ({vc['p50_ms'] / qc['p50_ms']:.2f}x)", "<= 1.2x quest",
                   "" if ok else f"{vc['p50_ms'] / qc['p50_ms']:.2f}x quest")
        for cls in ("word", "phrase"):
            r = q["inproc"].get(cls)
            if r:
                ok = r["p50_ms"] < 1
                target(f"in-process {cls} queries p50 < 1 ms", ok, f"p50 {r['p50_ms']:.2f}, p99 {r['p99_ms']:.2f} ms", "< 1 ms",
                       "" if ok else f"p50 {r['p50_ms']:.1f}x the 1 ms")
        r = q["inproc"].get("facets")
        if r:
            target("in-process --facets p50 < 5 ms", r["p50_ms"] < 5, f"p50 {r['p50_ms']:.1f}, p95 {r['p95_ms']:.1f} ms", "< 5 ms",
                   "" if r["p50_ms"] < 5 else f"{r['p50_ms'] / 5:.1f}x the 5 ms")
        r = q["inproc"].get("agreed")
        if r:
            target("agreed, 100-word draft p95 < 50 ms (in process)", r["p95_ms"] < 50, f"p50 {r['p50_ms']:.1f}, p95 {r['p95_ms']:.1f} ms", "< 50 ms",
                   "" if r["p95_ms"] < 50 else f"p95 {r['p95_ms'] / 50:.2f}x the 50 ms")
        res["queries"] = q
        lines.append("")

    # --- growth
    g_keys = sorted((int(k.split(".")[1]) for k in rows if k.startswith("growth.") and k.count(".") == 1))
    if g_keys:
        lines.append("## Growth: verbatim index of renamed copies of the corpus")
        lines.append(f"{'size':<8}{'MB':>8}{'wall s':>9}{'MB/s':>8}{'s/MB vs 1st':>13}{'CPU s':>8}{'CPU-s/MB vs 1st':>17}{'peak RSS MB':>13}{'index MB':>10}")
        growth = []
        base = cbase = None
        for g in g_keys:
            s = rows[f"growth.{g}.summary"][-1]
            w = mwall(f"growth.{g}")
            mb = s["bytes"] / 1e6
            spm = w / mb
            cpu = med([r["user_s"] + r["sys_s"] for r in rows[f"growth.{g}"]])
            base = base or spm
            cbase = cbase or cpu / mb
            growth.append({"multiple": g, "mb": mb, "wall_s": w, "mb_per_s": mb / w, "s_per_mb_rel": spm / base, "cpu_s": cpu, "cpu_s_per_mb_rel": cpu / mb / cbase, "peak_rss_mb": mrss_mb(f"growth.{g}"), "size_mb": s["size_b"] / 1e6, "units": s["summary"].get("units")})
            lines.append(f"{str(g) + 'x':<8}{mb:>8.0f}{w:>9.1f}{mb / w:>8.2f}{spm / base:>13.2f}{cpu:>8.1f}{cpu / mb / cbase:>17.2f}{mrss_mb(f'growth.{g}'):>13.0f}{s['size_b'] / 1e6:>10.0f}")
        res["growth"] = growth
        last = growth[-1]
        if len(growth) > 1:
            # Judged on CPU seconds per MB (the work done), which a shared machine disturbs less than wall time.
            target(f"indexing time grows linearly ({growth[0]['multiple']}x to {last['multiple']}x: CPU-s per MB at the largest vs the smallest)",
                   last["cpu_s_per_mb_rel"] <= 1.25,
                   f"CPU {last['cpu_s_per_mb_rel']:.2f}x, wall {last['s_per_mb_rel']:.2f}x per MB at {last['multiple']}x", "<= 1.25x")
            rss = [x["peak_rss_mb"] for x in growth]
            target("peak memory flat with size (largest / smallest)", rss[-1] <= 1.25 * rss[0], f"{rss[0]:.0f} -> {rss[-1]:.0f} MB", "<= 1.25x",
                   "" if rss[-1] <= 1.25 * rss[0] else f"{rss[-1] / rss[0]:.2f}x at {last['multiple']}x")
        lines.append("")

    all_rss = [x for k in rows if (k in ("text.verbatim", "pdf.verbatim") or (k.startswith("growth.") and k.count(".") == 1)) for x in values(k, "rss_kb")]
    if all_rss:
        peak = max(all_rss) / 1024
        target("peak memory of verbatim index < 500 MB at every size", peak < 500, f"{peak:.0f} MB", "< 500 MB")

    # --- reindex
    if "reindex.unchanged.verbatim" in rows:
        lines.append("## Re-indexing (median of 3)")
        re = {}
        for key, label in (("reindex.unchanged.verbatim", "verbatim, unchanged corpus"), ("reindex.changed.verbatim", "verbatim, one file changed"),
                           ("reindex.unchanged.omindex", "omindex, unchanged corpus"), ("reindex.unchanged.recoll", "recollindex, unchanged corpus")):
            w = mwall(key)
            if w is not None:
                re[key.split(".", 1)[1]] = {"wall_s": w, "walls": values(key, "wall_s"), "peak_rss_mb": mrss_mb(key)}
                lines.append(f"{label:<34}{w:>8.2f} s   peak RSS {mrss_mb(key):.0f} MB")
        res["reindex"] = re
        u, c = re.get("unchanged.verbatim"), re.get("changed.verbatim")
        if u:
            target("unchanged re-index < 2 s", u["wall_s"] < 2, f"{u['wall_s']:.2f} s", "< 2 s")
        if c:
            target("one changed file < 1 s", c["wall_s"] < 1, f"{c['wall_s']:.2f} s", "< 1 s")
        lines.append("")

    res["targets"] = targets
    m = res["machine"]
    head = (f"# verbatim benchmark, {m.get('date')}, commit {m.get('commit')}: {m.get('cores')} cores ({m.get('cpu')}), "
            f"{m.get('mem_kb', 0) / 1048576:.0f} GiB, load at the end {m.get('load')}; Xapian {m.get('xapian')}, recoll {m.get('recoll')}, "
            f"SQLite {m.get('sqlite')}, Poppler {m.get('poppler')}; indexing runs per tool: {m.get('runs')} (median)")
    lines.insert(0, head)
    lines.insert(1, "")
    lines.append("## Targets")
    for t in targets:
        lines.append(f"{'met   ' if t['met'] else 'MISSED'} {t['target']}: {t['figure']} (goal {t['goal']}){'; ' + t['note'] if t['note'] else ''}")
    if prev_path and os.path.exists(prev_path):
        try:
            prev = json.load(open(prev_path))
        except ValueError:
            prev = None
        if isinstance(prev, dict):
            lines.append("")
            lines.extend(compare(res, prev))
            res["previous"] = {"date": prev.get("machine", {}).get("date"), "commit": prev.get("machine", {}).get("commit")}
    print("\n".join(lines))
    res["table"] = "\n".join(lines)
    with open(out_path, "w") as f:
        json.dump(res, f, indent=1)


if __name__ == "__main__":
    main()
