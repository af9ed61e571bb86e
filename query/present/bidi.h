// Right-to-left text on a terminal. A terminal that lays out bidirectional text
// needs to know where an Arabic run begins and ends, or the citation, the numbers and
// the Latin words around it are reordered with it. Unicode isolates say so.
#pragma once

#include <string>
#include <string_view>

namespace verbatim {

// `text` with its right-to-left runs wrapped in RLI (U+2067) ... PDI (U+2069): the
// whole text when its first strong letter is right-to-left, else each run. Text with
// no right-to-left letter is returned unchanged. Each line is treated on its own;
// ANSI escape sequences are skipped.
// For human output only: JSON keeps the text as written.
std::string isolate_rtl(std::string_view text);

}  // namespace verbatim
