// Document symbols as a delegate types them for `verbatim fetch`: ranges expanded
// ("CTOC/COP/WG.4/2009-2024/1-6"), and the file name each symbol is saved under.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace verbatim::fetch {

// Ranges in a symbol's parts expand, leftmost part outermost:
//   "A/RES/74/170-180"            -> A/RES/74/170 ... A/RES/74/180
//   "CTOC/COP/WG.4/2019/L.1-L.3"  -> .../L.1, .../L.2, .../L.3 ("L.1-3" too)
//   "CTOC/COP/WG.4/2009-2024/1-6" -> every year with numbers 1 to 6
// A part is a range when both ends are one prefix followed by a number ("S-1" is not:
// "S" has no number). Zero padding of the first end is kept ("01-12"). A symbol without
// a range is itself. The error string says what is wrong (reversed range, empty part,
// space, more than `limit` symbols).
std::variant<std::vector<std::string>, std::string> expand_symbol(std::string_view text, size_t limit = 10000);

// The readable file stem of a symbol: '/' and anything a file name should not hold
// become '_' ("CTOC/COP/WG.4/2020/4" -> "CTOC_COP_WG.4_2020_4").
std::string file_stem(std::string_view symbol);

// Whether `text` has the shape of a document symbol ODS can serve: parts separated by
// '/', letters, digits and . - ( ) only, no spaces ("CCPCJ resolution 27/4" is not).
bool looks_like_symbol(std::string_view text);

}  // namespace verbatim::fetch
