#include "query/present/text_output.h"

#include <cmath>

#include "query/present/bidi.h"
#include "vocabulary/negotiation.h"
#include "vocabulary/text.h"

namespace verbatim {

namespace {

std::string heading_line(const Unit& unit) {
    std::string out;
    for (const std::string& h : unit.heading_path) out += (out.empty() ? "" : " > ") + h;
    return out;
}

// The start of a unit's text, cut at a space near `max_bytes`.
std::string excerpt(const std::string& text, size_t max_bytes = 320) {
    std::string out = text;
    if (out.size() > max_bytes) {
        size_t cut = out.rfind(' ', max_bytes);
        if (cut == std::string::npos || cut < max_bytes / 2) {
            cut = vocabulary::char_start(out, max_bytes);
        }
        out = out.substr(0, cut) + "\xE2\x80\xA6";  // …
    }
    for (char& c : out)
        if (c == '\n') c = ' ';
    return out;
}

// The counterpart of a hit in the language asked for (search --parallel).
void print_parallel(std::ostream& out, const Hit& hit, const TextStyle& style) {
    if (hit.parallel_lang.empty()) return;
    out << "   " << styled("[" + hit.parallel_lang + "]", ansi::dim, style) << " ";
    if (!hit.parallel) {
        out << styled("no counterpart indexed", ansi::dim, style) << "\n";
        return;
    }
    out << styled_citation(*hit.parallel, style) << "\n";  // pages only with --pages, as the hit
    out << "   " << isolate_rtl(excerpt(hit.parallel->unit.text)) << "\n";
}

}  // namespace

std::string dated(const DocumentMeta& doc) { return doc.date.empty() ? std::string("undated") : human_date(doc.date); }

std::string ocr_mark(const Unit& unit) {
    return "[OCR " + std::to_string(static_cast<int>(std::lround(unit.ocr_confidence * 100))) +
           " %: check against the scan]";
}

std::string citation_with_pages(const UnitRecord& r) {
    std::string pages = pages_of(r.unit);
    return citation_of(r.doc, r.unit) + (pages.empty() ? "" : ", " + pages);
}

std::string styled_citation(const UnitRecord& r, const TextStyle& style) {
    return style.pages ? citation_with_pages(r) : citation_of(r.doc, r.unit);
}

void print_hits(std::ostream& out, const SearchResult& result, const SearchOptions& options, const TextStyle& style) {
    for (const Hit& hit : result.hits) {
        const UnitRecord& r = hit.record;
        out << styled(std::to_string(hit.rank) + ". " + styled_citation(r, style), ansi::bold, style) << "  "
            << styled(dated(r.doc), ansi::dim, style) << "\n";
        std::string heading = heading_line(r.unit);
        if (!heading.empty() && r.unit.kind != UnitKind::heading)
            out << "   " << styled(isolate_rtl(heading), ansi::dim, style) << "\n";
        std::string snippet = style.color ? render_marked(hit.snippet, ansi::bold, ansi::reset) : render_marked(hit.snippet, "", "");
        out << "   " << isolate_rtl(snippet) << "\n";
        print_parallel(out, hit, style);
        out << "\n";
    }
    size_t shown_from = result.hits.empty() ? 0 : options.offset + 1;
    size_t shown_to = options.offset + result.hits.size();
    const size_t count = result.total_exact ? result.total : result.total_at_least;
    out << (result.total_exact ? "" : "at least ") << count << (count == 1 ? " matching unit" : " matching units");
    if (!result.hits.empty() && (shown_from > 1 || shown_to < result.total))
        out << " (showing " << shown_from << "-" << shown_to
            << (shown_to < result.total ? "; --offset " + std::to_string(shown_to) + " for more" : std::string()) << ")";
    out << "\n";
}

std::string describe_change(const Change& c) {
    std::string who;
    for (const std::string& d : c.delegations) who += (who.empty() ? "" : ", ") + d;
    std::string out = c.action + (who.empty() ? "" : " (" + who + ")");
    if (!c.text.empty()) out += ": \u201C" + c.text + "\u201D";
    if (!c.note.empty()) out += " [" + c.note + "]";
    return out;
}

std::string set_apart_annotations(const std::string& text, const TextStyle& style) {
    if (!style.color) return text;
    std::string out;
    size_t at = 0;
    for (const vocabulary::Annotation& a : vocabulary::find_annotations(text)) {
        if (a.start < at) continue;
        out += text.substr(at, a.start - at) + ansi::dim + text.substr(a.start, a.end - a.start) + ansi::reset;
        at = a.end;
    }
    return out + text.substr(at);
}

void print_unit(std::ostream& out, const UnitRecord& r, const TextStyle& style) {
    out << styled(styled_citation(r, style), ansi::bold, style) << "  " << styled(dated(r.doc), ansi::dim, style);
    if (!r.unit.status.empty()) out << "  " << styled("[" + r.unit.status + "]", ansi::dim, style);
    if (r.unit.ocr) out << "  " << styled(ocr_mark(r.unit), ansi::dim, style);
    out << "\n";
    std::string heading = heading_line(r.unit);
    if (!heading.empty()) out << styled(isolate_rtl(heading), ansi::dim, style) << "\n";
    out << "\n" << isolate_rtl(set_apart_annotations(r.unit.text, style)) << "\n";
    if (!r.unit.changes.empty()) {
        out << "\n" << styled("changes proposed:", ansi::dim, style) << "\n";
        for (const Change& c : r.unit.changes) out << "  - " << describe_change(c) << "\n";
    }
    if (!r.unit.footnotes.empty()) {
        out << styled("footnotes:", ansi::dim, style);
        for (const std::string& f : r.unit.footnotes) out << " " << (f.rfind("fn-", 0) == 0 ? f.substr(3) : f);
        out << "\n";
    }
}

namespace {

void print_hit(std::ostream& out, const Hit& hit, const TextStyle& style, const std::string& indent) {
    const UnitRecord& r = hit.record;
    out << indent << styled(styled_citation(r, style), ansi::bold, style) << "  " << styled(dated(r.doc), ansi::dim, style) << "\n";
    std::string snippet = style.color ? render_marked(hit.snippet, ansi::bold, ansi::reset) : render_marked(hit.snippet, "", "");
    out << indent << "   " << snippet << "\n";
}

std::string years_of(const HitGroup& g) {
    if (g.first_date.empty()) return "undated";
    std::string a = g.first_date.substr(0, 4), b = g.last_date.substr(0, 4);
    return a == b ? a : a + "-" + b;
}

}  // namespace

void print_groups(std::ostream& out, const SearchResult& result, const TextStyle& style) {
    size_t total = 0;
    for (const HitGroup& g : result.groups) {
        total += g.count;
        out << styled(g.label + " (" + years_of(g) + ")", ansi::bold, style) << " \u2014 " << g.count
            << (g.count == 1 ? " unit" : " units") << "\n";
        for (const Hit& hit : g.hits) print_hit(out, hit, style, "  ");
        if (g.hits.size() < g.count) out << "  " << styled("… " + std::to_string(g.count - g.hits.size()) + " more", ansi::dim, style) << "\n";
        out << "\n";
    }
    out << total << (total == 1 ? " matching unit in " : " matching units in ") << result.groups.size()
        << (result.groups.size() == 1 ? " group" : " groups") << "\n";
}

void print_facets(std::ostream& out, const Facets& facets, const TextStyle& style) {
    for (const char* name : {"year", "meeting", "type", "status", "country", "lang"}) {
        auto it = facets.find(name);
        if (it == facets.end() || it->second.empty()) continue;
        out << styled(std::string(name) + ":", ansi::bold, style);
        for (const auto& [value, count] : it->second) out << " " << value << " (" << count << ");";
        out << "\n";
    }
}

}  // namespace verbatim
