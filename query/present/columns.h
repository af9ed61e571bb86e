// Text in terminal columns: cut and padded by grapheme and display width (ICU), never
// by byte, so a cut never splits a character and Cyrillic or Chinese columns line up.
#pragma once

#include <cstddef>
#include <string>

namespace verbatim {

// Columns `text` takes on a terminal: 2 for East Asian wide and full-width characters and
// emoji, 0 for combining marks and controls, 1 otherwise (per grapheme cluster).
size_t display_width(const std::string& text);

// `text` in exactly `width` columns: cut at a grapheme boundary with `ellipsis` (whose
// width counts) when longer, padded with spaces when `pad` and shorter. Invalid UTF-8
// comes out as U+FFFD, so the result is always valid UTF-8.
std::string fit_columns(const std::string& text, size_t width, bool pad = true, const std::string& ellipsis = "...");

}  // namespace verbatim
