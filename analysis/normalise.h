// Normalisation of one word for matching: the same function serves the indexer and
// the query parser, so a query term always meets the indexed term.
#pragma once

#include <string>
#include <string_view>

namespace verbatim {

// Folds a word for matching: NFKC, case folding, Latin diacritics removed
// ("Sánchez" -> "sanchez"), ligatures expanded ("ﬁ" -> "fi"), curly apostrophes
// made straight. Other scripts keep their marks (Cyrillic "й" stays "й"), except
// Arabic: tashkeel and tatweel are dropped, alef forms (أ إ آ ٱ) become ا, alef
// maqsura ى becomes ي, Arabic-Indic digits become ASCII; ta marbuta ة stays.
std::string fold_word(std::string_view word);

// Replaces invalid UTF-8 sequences by U+FFFD; returns how many were replaced.
size_t repair_utf8(std::string& text);

// True when `text` is valid UTF-8.
bool is_valid_utf8(std::string_view text);

}  // namespace verbatim
