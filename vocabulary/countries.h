// Country and delegation names as UN documents write them ("UK", "United Kingdom of
// Great Britain and Northern Ireland", "Russian Fed.", "Iran (Islamic Republic of)"),
// each mapped to one canonical short name ("United Kingdom", "Russian Federation", "Iran").
// The names are data: vocabulary/data/countries.txt.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace verbatim::vocabulary {

// The canonical name of a delegation as written, or empty when it is not one.
// Matching ignores case, "the", dots and extra spaces.
std::string canonical_country(std::string_view name);

// Every delegation named in `text` (canonical, in order of first mention, once each).
std::vector<std::string> countries_in(std::string_view text);

}  // namespace verbatim::vocabulary
