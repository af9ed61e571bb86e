#include "query/present/json_output.h"

#include "vocabulary/ascii.h"
#include "query/search/timeline.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <cmath>

namespace verbatim {

namespace {

bool is_pdf(const std::string& path) {
    return vocabulary::ascii_lower(std::filesystem::path(path).extension().string()) == ".pdf";
}

// Every byte but ASCII letters and digits (and `keep`) as %XX.
std::string percent_encoded(const std::string& s, const std::string& keep = "") {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || keep.find(static_cast<char>(c)) != std::string::npos) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

nlohmann::json spans(const std::vector<std::pair<size_t, size_t>>& marks) {
    nlohmann::json out = nlohmann::json::array();
    for (auto [b, e] : marks) out.push_back({{"start", b}, {"end", e}});
    return out;
}

nlohmann::json or_null(const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }

nlohmann::json changes_to_json(const std::vector<Change>& changes) {
    nlohmann::json out = nlohmann::json::array();
    for (const Change& c : changes)
        out.push_back({{"action", c.action}, {"delegations", c.delegations}, {"text", c.text}, {"note", c.note}});
    return out;
}

}  // namespace

std::string source_fragment(const DocumentMeta& doc, const Unit& unit) {
    if (is_pdf(doc.source)) {
        const int page = physical_page(doc, unit);
        return page > 0 ? "#page=" + std::to_string(page) : "";
    }
    // A text file opens at the unit's first words (a text fragment, which browsers scroll
    // to and highlight); a few words, so a line break in the file rarely falls inside.
    const std::string& text = unit.text.empty() ? unit.label : unit.text;
    std::string words;
    size_t count = 0, at = 0;
    while (count < 4 && at < text.size()) {
        const size_t start = text.find_first_not_of(" \n\t", at);
        if (start == std::string::npos) break;
        const size_t end = std::min(text.find_first_of(" \n\t", start), text.size());
        words += (words.empty() ? "" : " ") + text.substr(start, end - start);
        ++count;
        at = end;
    }
    return words.empty() ? "" : "#:~:text=" + percent_encoded(words);
}

std::string source_file_link(const DocumentMeta& doc, const Unit& unit) {
    if (doc.source.empty()) return "";
    return "file://" + percent_encoded(doc.source, "/-._~") + source_fragment(doc, unit);
}

std::string source_url(const DocumentMeta& doc, const Unit& unit) {
    return "/source/" + percent_encoded(doc.id, "-._~") + source_fragment(doc, unit);
}

nlohmann::json unit_to_json(const UnitRecord& r) {
    const DocumentMeta& d = r.doc;
    const Unit& u = r.unit;
    std::string heading;
    for (const std::string& h : u.heading_path) heading += (heading.empty() ? "" : " > ") + h;
    return {
        {"id", unit_id(d, u)},
        {"doc", d.id},
        {"symbol", or_null(d.symbol)},
        {"title", d.title},
        {"date", or_null(d.date)},
        {"lang", d.lang},
        {"type", or_null(d.type)},
        {"meeting", or_null(d.meeting)},
        {"kind", to_string(u.kind)},
        {"label", u.label},
        {"number", or_null(u.number)},
        {"number_inferred", u.number_inferred},
        {"parent", or_null(u.parent)},
        {"anchor", u.anchor},
        {"pages", u.page_first > 0 ? nlohmann::json::array({u.page_first, std::max(u.page_first, u.page_last)})
                                   : nlohmann::json()},
        {"citation", citation_of(d, u)},
        {"heading", heading},
        {"heading_path", u.heading_path},
        {"footnotes", u.footnotes},
        {"cites", u.cites},
        {"status", or_null(u.status)},
        {"countries", u.countries},
        {"changes", changes_to_json(u.changes)},
        // A heading's words are its label; `text` carries them too, so every unit has its words there.
        {"text", u.text.empty() && u.kind == UnitKind::heading ? u.label : u.text},
        {"source", d.source},
        {"source_page", physical_page(d, u) > 0 ? nlohmann::json(physical_page(d, u)) : nlohmann::json()},
        {"source_link", or_null(source_file_link(d, u))},
        {"source_url", source_url(d, u)},
        {"ocr", u.ocr},
        {"ocr_confidence", u.ocr ? nlohmann::json(std::round(u.ocr_confidence * 100) / 100) : nlohmann::json()},
    };
}

nlohmann::json hit_to_json(const Hit& hit) {
    nlohmann::json j = unit_to_json(hit.record);
    j["snippet"] = render_marked(hit.snippet, "**", "**");  // for people; programs read the spans
    j["snippet_text"] = hit.snippet.text;
    j["snippet_highlights"] = spans(hit.snippet.marks);
    j["highlights"] = spans(hit.snippet.source_marks);
    j["score"] = hit.score;
    j["rank"] = hit.rank;
    // Only when asked for (search --parallel L): the counterpart, or null when that
    // language version, or that unit in it, is not indexed.
    if (!hit.parallel_lang.empty()) {
        j["parallel"] = hit.parallel ? nlohmann::json{{"citation", citation_of(hit.parallel->doc, hit.parallel->unit)},
                                                      {"lang", hit.parallel->doc.lang},
                                                      {"id", unit_id(hit.parallel->doc, hit.parallel->unit)},
                                                      {"text", hit.parallel->unit.text}}
                                     : nlohmann::json();
    }
    return j;
}

nlohmann::json group_to_json(const HitGroup& g) {
    nlohmann::json hits = nlohmann::json::array();
    for (const Hit& h : g.hits) hits.push_back(hit_to_json(h));
    return {{"group", g.key},          {"label", g.label}, {"first_date", or_null(g.first_date)},
            {"last_date", or_null(g.last_date)}, {"count", g.count}, {"hits", std::move(hits)}};
}

nlohmann::json facets_to_json(const Facets& facets, const std::vector<DocumentMeta>& documents) {
    nlohmann::json out = nlohmann::json::object();
    const std::map<std::string, std::string> meetings = meeting_filters(documents);
    for (const auto& [name, values] : facets) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& [value, count] : values) {
            list.push_back({{"value", value}, {"count", count}});
            if (auto m = meetings.find(value); name == "meeting" && m != meetings.end()) list.back()["filter"] = m->second;
        }
        out[name] = std::move(list);
    }
    return out;
}

}  // namespace verbatim
