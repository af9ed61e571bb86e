// Facets: how the units matching a query spread over years, meetings, document types,
// statuses, countries and languages, counted over every match (not just one page).
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace verbatim {

// facet name ("year", "meeting", "type", "status", "country", "lang") -> (value, count),
// most frequent first (years newest first).
using Facets = std::map<std::string, std::vector<std::pair<std::string, size_t>>>;

// Counts the facet values of every match with two Xapian::ValueCountMatchSpy: one on the
// date slot (years), one on the facets slot (every other facet, model/facet_value.h).
// Each distinct value is decoded once, after counting, not once per match. A spy of our
// own would not do over shards served by xapian-tcpsrv: the server only knows the spies
// registered in Xapian, and ValueCountMatchSpy is one, with results that merge across
// shards.
class FacetSpy {
  public:
    FacetSpy();
    // Adds the spies to `enquire`; they must outlive its get_mset.
    void attach(Xapian::Enquire& enquire);
    // Throws DecodeError (model/varint.h) when a facets value is corrupt.
    Facets facets(size_t per_facet) const;

  private:
    std::unique_ptr<Xapian::ValueCountMatchSpy> dates_, facets_;  // not copyable
};

}  // namespace verbatim
