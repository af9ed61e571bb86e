#include "query/present/text_output.h"

#include "analysis/bidi.h"

namespace verbatim {

namespace {

constexpr const char* kBold = "\x1b[1m";
constexpr const char* kDim = "\x1b[2m";
constexpr const char* kReset = "\x1b[0m";

std::string styled(const std::string& text, const char* code, const TextStyle& style) {
    return style.color ? code + text + kReset : text;
}

std::string heading_line(const Unit& unit) {
    std::string out;
    for (const std::string& h : unit.heading_path) out += (out.empty() ? "" : " > ") + h;
    return out;
}

std::string dated(const DocumentMeta& doc) { return doc.date.empty() ? std::string("undated") : human_date(doc.date); }

// The start of a unit's text, cut at a space near `max_bytes`.
std::string excerpt(const std::string& text, size_t max_bytes = 320) {
    std::string out = text;
    if (out.size() > max_bytes) {
        size_t cut = out.rfind(' ', max_bytes);
        if (cut == std::string::npos || cut < max_bytes / 2) {
            cut = max_bytes;
            while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
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
    out << "   " << styled("[" + hit.parallel_lang + "]", kDim, style) << " ";
    if (!hit.parallel) {
        out << styled("no counterpart indexed", kDim, style) << "\n";
        return;
    }
    out << citation_with_pages(*hit.parallel) << "\n";
    out << "   " << isolate_rtl(excerpt(hit.parallel->unit.text)) << "\n";
}

}  // namespace

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
        out << styled(std::to_string(hit.rank) + ". " + styled_citation(r, style), kBold, style) << "  "
            << styled(dated(r.doc), kDim, style) << "\n";
        std::string heading = heading_line(r.unit);
        if (!heading.empty() && r.unit.kind != UnitKind::heading)
            out << "   " << styled(isolate_rtl(heading), kDim, style) << "\n";
        std::string snippet = style.color ? render_marked(hit.snippet, kBold, kReset) : render_marked(hit.snippet, "", "");
        out << "   " << isolate_rtl(snippet) << "\n";
        print_parallel(out, hit, style);
        out << "\n";
    }
    size_t shown_from = result.hits.empty() ? 0 : options.offset + 1;
    size_t shown_to = options.offset + result.hits.size();
    out << (result.total_exact ? "" : "about ") << result.total << (result.total == 1 ? " matching unit" : " matching units");
    if (!result.hits.empty() && (shown_from > 1 || shown_to < result.total))
        out << " (showing " << shown_from << "-" << shown_to
            << (shown_to < result.total ? "; --offset " + std::to_string(shown_to) + " for more" : std::string()) << ")";
    out << "\n";
}

void print_unit(std::ostream& out, const UnitRecord& r, const TextStyle& style) {
    out << styled(styled_citation(r, style), kBold, style) << "  " << styled(dated(r.doc), kDim, style) << "\n";
    std::string heading = heading_line(r.unit);
    if (!heading.empty()) out << styled(isolate_rtl(heading), kDim, style) << "\n";
    out << "\n" << isolate_rtl(r.unit.text) << "\n";
    if (!r.unit.footnotes.empty()) {
        out << styled("footnotes:", kDim, style);
        for (const std::string& f : r.unit.footnotes) out << " " << (f.rfind("fn-", 0) == 0 ? f.substr(3) : f);
        out << "\n";
    }
}

}  // namespace verbatim
