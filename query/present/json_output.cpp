#include "query/present/json_output.h"

#include <cmath>

namespace verbatim {

namespace {

nlohmann::json or_null(const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }

nlohmann::json changes_to_json(const std::vector<Change>& changes) {
    nlohmann::json out = nlohmann::json::array();
    for (const Change& c : changes)
        out.push_back({{"action", c.action}, {"delegations", c.delegations}, {"text", c.text}, {"note", c.note}});
    return out;
}

}  // namespace

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
        {"text", u.text},
        {"source", d.source},
        {"ocr", u.ocr},
        {"ocr_confidence", u.ocr ? nlohmann::json(std::round(u.ocr_confidence * 100) / 100) : nlohmann::json()},
    };
}

nlohmann::json hit_to_json(const Hit& hit) {
    nlohmann::json j = unit_to_json(hit.record);
    j["snippet"] = render_marked(hit.snippet, "**", "**");
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

nlohmann::json facets_to_json(const Facets& facets) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [name, values] : facets) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& [value, count] : values) list.push_back({{"value", value}, {"count", count}});
        out[name] = std::move(list);
    }
    return out;
}

}  // namespace verbatim
