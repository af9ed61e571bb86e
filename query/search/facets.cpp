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

FacetSpy::FacetSpy() {
    for (const FacetSlot& f : kSlots) spies_.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(f.slot));
}

void FacetSpy::attach(Xapian::Enquire& enquire) {
    for (auto& spy : spies_) enquire.add_matchspy(spy.get());
}

Facets FacetSpy::facets(size_t per_facet) const {
    std::map<std::string, std::map<std::string, size_t>> all;
    for (size_t i = 0; i < spies_.size(); ++i) {
        const FacetSlot& f = kSlots[i];
        for (auto it = spies_[i]->values_begin(); it != spies_[i]->values_end(); ++it) {
            const std::string value = *it;
            const size_t n = it.get_termfreq();
            if (!f.multi) {
                all[f.name][value] += n;
                continue;
            }
            for (size_t b = 0; b <= value.size();) {
                size_t e = value.find('\x1f', b);
                if (e == std::string::npos) e = value.size();
                if (e > b) all[f.name][value.substr(b, e - b)] += n;
                b = e + 1;
            }
        }
    }
    Facets out;
    for (const auto& [name, counts] : all) {
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
