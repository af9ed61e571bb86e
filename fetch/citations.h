// What `verbatim fetch --follow-citations DB` fetches next: the documents that units of
// an index cite (schema::kCites) in a language the index does not hold them in yet.
#pragma once

#include <string>
#include <vector>

#include "fetch/fetcher.h"

namespace verbatim::fetch {

// Every (symbol, language) of `languages` that a unit of the index `db` cites and that
// no unit of the index has as its document's symbol in that language. Symbols are
// spelled as the citing text has them; references that are not ODS symbols ("CCPCJ
// resolution 27/4") are left out. Sorted. Throws Xapian::Error when the index cannot
// be read.
std::vector<FetchTarget> cited_not_indexed(const std::string& db, const std::vector<std::string>& languages);

}  // namespace verbatim::fetch
