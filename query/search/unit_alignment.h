// Pairs the units of two language versions of one document, also where they carry no
// number: unnumbered paragraphs, lettered items (lettered in each language's alphabet)
// and headings. A dynamic-programming alignment of the two unit sequences in the manner
// of Gale and Church (1993): lengths in characters (translations keep a steady ratio,
// measured on the pair itself), anchored on what a translation keeps as it is (numbered
// anchors, numbers, dates, symbols, names in Latin letters). A unit may have no
// counterpart (a line the other version lacks), and then it says so.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/document.h"

namespace verbatim {

// A numbered anchor that every language version shares ("para-12", "fn-3", "rec-7").
// Unnumbered text, headings and lettered items are named in their own language.
bool shared_anchor(const std::string& anchor);

// For each unit of `a` (in document order), the index in `b` of its counterpart, or
// nothing when the alignment leaves it without one.
std::vector<std::optional<size_t>> align_units(const std::vector<Unit>& a, const std::vector<Unit>& b);

}  // namespace verbatim
