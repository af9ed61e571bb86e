#include "query/search/facets.h"

#include <algorithm>

#include "model/schema.h"

namespace verbatim {

namespace {

struct FacetSlot {
    const char* name;
    Xapian::valueno slot;
    bool multi;  // several values separated by '\x1f'
};

constexpr FacetSlot kSlots[] = {
    {"year", schema::kYearSlot, false},     {"meeting", schema::kMeetingSlot, false},
    {"type", schema::kTypeSlot, false},     {"status", schema::kStatusSlot, false},
    {"country", schema::kCountrySlot, true}, {"lang", schema::kLangSlot, false},
};

}  // namespace

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    for (const FacetSlot& f : kSlots) {
        std::string value = doc.get_value(f.slot);
        if (value.empty()) continue;
        auto& counts = counts_[f.name];
        if (!f.multi) {
            ++counts[value];
            continue;
        }
        for (size_t b = 0; b <= value.size();) {
            size_t e = value.find('\x1f', b);
            if (e == std::string::npos) e = value.size();
            if (e > b) ++counts[value.substr(b, e - b)];
            b = e + 1;
        }
    }
}

Facets FacetSpy::facets(size_t per_facet) const {
    Facets out;
    for (const auto& [name, counts] : counts_) {
        std::vector<std::pair<std::string, size_t>> v(counts.begin(), counts.end());
        if (name == "year")
            std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        else
            std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        if (v.size() > per_facet) v.resize(per_facet);
        out[name] = std::move(v);
    }
    return out;
}

}  // namespace verbatim
