#include "model/document.h"

#include <array>
#include <cstdio>

namespace verbatim {

namespace {

constexpr std::array<std::pair<UnitKind, const char*>, 8> kKindNames{{
    {UnitKind::heading, "heading"},
    {UnitKind::paragraph, "paragraph"},
    {UnitKind::item, "item"},
    {UnitKind::recommendation, "recommendation"},
    {UnitKind::footnote, "footnote"},
    {UnitKind::text, "text"},
    {UnitKind::preambular, "preambular"},
    {UnitKind::table, "table"},
}};

}  // namespace

const char* to_string(UnitKind kind) {
    for (const auto& [k, name] : kKindNames)
        if (k == kind) return name;
    return "text";
}

std::optional<UnitKind> unit_kind_from_string(const std::string& name) {
    for (const auto& [k, n] : kKindNames)
        if (name == n) return k;
    return std::nullopt;
}

std::string human_date(const std::string& iso) {
    static constexpr std::array<const char*, 12> kMonths{
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    int y = 0, m = 0, d = 0;
    if (iso.size() != 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 ||
        m > 12)
        return iso;
    return std::to_string(d) + " " + kMonths[static_cast<size_t>(m - 1)] + " " + std::to_string(y);
}

namespace {

std::string plain_reference(const DocumentMeta& doc) {
    if (!doc.symbol.empty()) return doc.symbol;
    std::string ref = doc.title.empty() ? doc.name : doc.title;
    if (ref.empty()) {
        // No symbol, title or name: the file's own name as the user sees it ("HRV_75_2020"),
        // which `show` and `cite` accept back.
        std::string_view file = doc.source;
        if (size_t slash = file.find_last_of('/'); slash != std::string_view::npos) file.remove_prefix(slash + 1);
        if (size_t dot = file.rfind('.'); dot != std::string_view::npos && dot > 0) file = file.substr(0, dot);
        return file.empty() ? doc.id : std::string(file);
    }
    if (!doc.date.empty()) ref += " (" + human_date(doc.date) + ")";
    return ref;
}

}  // namespace

std::string document_reference(const DocumentMeta& doc) {
    std::string ref = plain_reference(doc);
    if (doc.other_languages && !doc.lang.empty()) ref += " [" + doc.lang + "]";
    return ref;
}

std::string citation_of(const DocumentMeta& doc, const Unit& unit) {
    std::string ref = unit.ref.empty() ? unit.label : unit.ref;
    // "A/79/722, annex, para. 3": a unit of a part whose numbering restarts names the part.
    if (!unit.part.empty() && ref.rfind(unit.part, 0) != 0) ref = ref.empty() ? unit.part : unit.part + ", " + ref;
    return ref.empty() ? document_reference(doc) : document_reference(doc) + ", " + ref;
}

std::string pages_of(const Unit& unit) {
    if (unit.page_first <= 0) return {};
    if (unit.page_last <= unit.page_first) return "p. " + std::to_string(unit.page_first);
    return "pp. " + std::to_string(unit.page_first) + "-" + std::to_string(unit.page_last);
}

int physical_page(const DocumentMeta& doc, const Unit& unit) {
    if (unit.page_first <= 0) return 0;
    for (size_t i = 0; i < doc.printed_pages.size(); ++i)
        if (doc.printed_pages[i] == unit.page_first) return static_cast<int>(i) + 1;
    return 0;
}

std::string unit_id(const DocumentMeta& doc, const Unit& unit) { return doc.id + "#" + unit.anchor; }

}  // namespace verbatim
