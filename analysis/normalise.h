// Normalisation of one word for matching: the same function serves the indexer and
// the query parser, so a query term always meets the indexed term.
#pragma once

#include <string>
#include <string_view>

namespace verbatim {

// Folds a word for matching: NFKC (full-width forms become ASCII), case folding, Latin
// diacritics removed ("Sánchez" -> "sanchez"), ligatures expanded ("ﬁ" -> "fi"), curly
// apostrophes made straight. Other scripts keep their marks (Cyrillic "й" stays "й"),
// except Russian ё, which becomes е, and Arabic: tashkeel and tatweel are dropped, alef
// forms (أ إ آ ٱ) become ا, alef maqsura ى becomes ي, ta marbuta ة at the end of the
// word becomes ه, Arabic-Indic digits become ASCII.
std::string fold_word(std::string_view word);

// The length of an elided article at the start of a folded word ("l'" of "l'usage",
// "qu'" of "qu'il", "jusqu'" of "jusqu'au"), 0 when there is none. The analyser indexes
// and searches the word without it, so "usage", "l'usage" and "d'usage" all meet.
size_t elided_prefix_length(std::string_view term);

// Replaces invalid UTF-8 sequences by U+FFFD; returns how many were replaced.
size_t repair_utf8(std::string& text);

// True when `text` is valid UTF-8.
bool is_valid_utf8(std::string_view text);

}  // namespace verbatim
