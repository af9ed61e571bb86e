// Facets: how the units matching a query spread over years, meetings, document types,
// statuses, countries and languages, counted over every match (not just one page).
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace verbatim {

// facet name ("year", "meeting", "type", "status", "country", "lang") -> (value, count),
// most frequent first (years newest first).
using Facets = std::map<std::string, std::vector<std::pair<std::string, size_t>>>;

// Counts the facet values of the documents it sees; one pass over the value slots.
class FacetSpy : public Xapian::MatchSpy {
  public:
    void operator()(const Xapian::Document& doc, double weight) override;
    Facets facets(size_t per_facet) const;

  private:
    std::map<std::string, std::map<std::string, size_t>> counts_;
};

}  // namespace verbatim
