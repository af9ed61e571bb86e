#include "query/search/facets.h"

#include <algorithm>

#include "model/facet_value.h"
#include "model/schema.h"

namespace verbatim {

FacetSpy::FacetSpy()
    : dates_(std::make_unique<Xapian::ValueCountMatchSpy>(schema::kDateSlot)),
      facets_(std::make_unique<Xapian::ValueCountMatchSpy>(schema::kFacetsSlot)) {}

void FacetSpy::attach(Xapian::Enquire& enquire) {
    enquire.add_matchspy(dates_.get());
    enquire.add_matchspy(facets_.get());
}

Facets FacetSpy::facets(size_t per_facet) const {
    std::map<std::string, std::map<std::string, size_t>> all;
    for (auto it = dates_->values_begin(); it != dates_->values_end(); ++it) {
        const std::string date = *it;  // "YYYYMMDD"
        if (date.size() >= 4) all["year"][date.substr(0, 4)] += it.get_termfreq();
    }
    for (auto it = facets_->values_begin(); it != facets_->values_end(); ++it) {
        const size_t n = it.get_termfreq();
        for_each_facet(*it, [&](const char* name, std::string_view value) { all[name][std::string(value)] += n; });
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
