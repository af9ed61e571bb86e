// Ordinals as UN documents number meetings and sessions: words ("tenth"; the list is
// data, vocabulary/data/ordinals.txt) and figures with a suffix ("10th").
#pragma once

#include <string_view>

namespace verbatim::vocabulary {

// "tenth" -> 10, "Ninth" -> 9, "1st" -> 1 (one to three digits); 0 when not an ordinal.
int ordinal_value(std::string_view word);

}  // namespace verbatim::vocabulary
