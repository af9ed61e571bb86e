#include "indexer/index/unit_record.h"

#include <cctype>

namespace verbatim {

namespace {

nlohmann::json or_null(const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }
std::string str(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

nlohmann::json to_json(const DocumentMeta& d) {
    return {{"id", d.id},
            {"name", or_null(d.name)},
            {"symbol", or_null(d.symbol)},
            {"other_symbols", d.other_symbols},
            {"title", d.title},
            {"date", or_null(d.date)},
            {"type", or_null(d.type)},
            {"body", or_null(d.body)},
            {"meeting", or_null(d.meeting)},
            {"meeting_number", d.meeting_number > 0 ? nlohmann::json(d.meeting_number) : nlohmann::json()},
            {"place", or_null(d.place)},
            {"meeting_dates", or_null(d.meeting_dates)},
            {"lang", d.lang},
            {"original_language", or_null(d.original_language)},
            {"distribution", or_null(d.distribution)},
            {"job_number", or_null(d.job_number)},
            {"source", d.source}};
}

DocumentMeta document_meta_from_json(const nlohmann::json& j) {
    DocumentMeta d;
    d.id = str(j, "id");
    d.name = str(j, "name");
    d.symbol = str(j, "symbol");
    if (auto it = j.find("other_symbols"); it != j.end() && it->is_array())
        for (const auto& s : *it) d.other_symbols.push_back(s.get<std::string>());
    d.title = str(j, "title");
    d.date = str(j, "date");
    d.type = str(j, "type");
    d.body = str(j, "body");
    d.meeting = str(j, "meeting");
    if (auto it = j.find("meeting_number"); it != j.end() && it->is_number()) d.meeting_number = it->get<int>();
    d.place = str(j, "place");
    d.meeting_dates = str(j, "meeting_dates");
    d.lang = str(j, "lang");
    d.original_language = str(j, "original_language");
    d.distribution = str(j, "distribution");
    d.job_number = str(j, "job_number");
    d.source = str(j, "source");
    return d;
}

std::string serialise_unit(const std::string& doc_id, const Unit& u) {
    nlohmann::json j{{"doc", doc_id},
                     {"anchor", u.anchor},
                     {"kind", to_string(u.kind)},
                     {"number", u.number},
                     {"label", u.label},
                     {"ref", u.ref},
                     {"parent", u.parent},
                     {"heading", u.heading_path},
                     {"text", u.text},
                     {"page_first", u.page_first},
                     {"page_last", u.page_last},
                     {"inferred", u.number_inferred},
                     {"footnotes", u.footnotes},
                     {"seq", u.seq},
                     {"draft", u.draft},
                     {"cites", u.cites},
                     {"status", u.status},
                     {"countries", u.countries}};
    if (!u.changes.empty()) {
        nlohmann::json changes = nlohmann::json::array();
        for (const Change& c : u.changes)
            changes.push_back({{"action", c.action}, {"delegations", c.delegations}, {"text", c.text}, {"note", c.note}});
        j["changes"] = std::move(changes);
    }
    if (!u.quotations.empty()) {
        nlohmann::json quotes = nlohmann::json::array();
        for (const QuotedPassage& q : u.quotations)
            quotes.push_back({{"source", q.source}, {"symbol", q.symbol}, {"start", q.start}, {"end", q.end}});
        j["quotes"] = std::move(quotes);
    }
    return j.dump();
}

std::pair<Unit, std::string> parse_unit(const std::string& data) {
    std::pair<Unit, std::string> r;
    nlohmann::json j = nlohmann::json::parse(data);
    r.second = str(j, "doc");
    Unit& u = r.first;
    u.anchor = str(j, "anchor");
    u.kind = unit_kind_from_string(str(j, "kind")).value_or(UnitKind::text);
    u.number = str(j, "number");
    u.label = str(j, "label");
    u.ref = str(j, "ref");
    u.parent = str(j, "parent");
    for (const auto& h : j.at("heading")) u.heading_path.push_back(h.get<std::string>());
    u.text = str(j, "text");
    u.page_first = j.value("page_first", 0);
    u.page_last = j.value("page_last", 0);
    u.number_inferred = j.value("inferred", false);
    for (const auto& f : j.at("footnotes")) u.footnotes.push_back(f.get<std::string>());
    u.seq = j.value("seq", 0);
    u.draft = j.value("draft", false);
    if (auto it = j.find("cites"); it != j.end())
        for (const auto& c : *it) u.cites.push_back(c.get<std::string>());
    u.status = str(j, "status");
    if (auto it = j.find("countries"); it != j.end())
        for (const auto& c : *it) u.countries.push_back(c.get<std::string>());
    if (auto it = j.find("changes"); it != j.end())
        for (const auto& c : *it) {
            Change change{c.value("action", ""), {}, c.value("text", ""), c.value("note", "")};
            for (const auto& d : c.at("delegations")) change.delegations.push_back(d.get<std::string>());
            u.changes.push_back(std::move(change));
        }
    if (auto it = j.find("quotes"); it != j.end())
        for (const auto& q : *it)
            u.quotations.push_back({q.value("source", ""), q.value("symbol", ""), q.value("start", size_t{0}),
                                    q.value("end", size_t{0})});
    return r;
}

}  // namespace verbatim
