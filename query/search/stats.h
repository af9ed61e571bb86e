// `verbatim stats`: what an index holds.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "query/search/searcher.h"

namespace verbatim {

struct IndexStats {
    std::string path;
    size_t documents = 0;
    size_t units = 0;
    size_t files = 0;                     // source files known (merged twins included)
    size_t words = 0;                     // distinct exact terms
    std::map<std::string, size_t> languages;  // lang -> units
    std::map<std::string, size_t> types;      // document type -> units
    std::map<std::string, size_t> kinds;      // unit kind -> units
    std::string first_date, last_date;        // YYYY-MM-DD
    uint64_t bytes = 0;                       // size on disk
};

IndexStats index_stats(Searcher& searcher, const std::string& path);

}  // namespace verbatim
