#include "query/present/text_output.h"

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

}  // namespace

std::string citation_with_pages(const UnitRecord& r) {
    std::string pages = pages_of(r.unit);
    return citation_of(r.doc, r.unit) + (pages.empty() ? "" : ", " + pages);
}

void print_hits(std::ostream& out, const SearchResult& result, const SearchOptions& options, const TextStyle& style) {
    for (const Hit& hit : result.hits) {
        const UnitRecord& r = hit.record;
        out << styled(std::to_string(hit.rank) + ". " + citation_with_pages(r), kBold, style) << "  "
            << styled(dated(r.doc), kDim, style) << "\n";
        std::string heading = heading_line(r.unit);
        if (!heading.empty() && r.unit.kind != UnitKind::heading) out << "   " << styled(heading, kDim, style) << "\n";
        std::string snippet = style.color ? render_marked(hit.snippet, kBold, kReset) : render_marked(hit.snippet, "", "");
        out << "   " << snippet << "\n\n";
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
    out << styled(citation_with_pages(r), kBold, style) << "  " << styled(dated(r.doc), kDim, style) << "\n";
    std::string heading = heading_line(r.unit);
    if (!heading.empty()) out << styled(heading, kDim, style) << "\n";
    out << "\n" << r.unit.text << "\n";
    if (!r.unit.footnotes.empty()) {
        out << styled("footnotes:", kDim, style);
        for (const std::string& f : r.unit.footnotes) out << " " << (f.rfind("fn-", 0) == 0 ? f.substr(3) : f);
        out << "\n";
    }
}

}  // namespace verbatim
