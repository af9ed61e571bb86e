// Character-level facts about UN text in any of its scripts: UTF-8 decoding, the case of a
// first letter, roman numerals, and where a sentence ends.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/umachine.h>

namespace verbatim::vocabulary {

// ASCII digits and capitals: the alphabet of symbols, job numbers and counters.
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
// `text` is `min` to `max` ASCII digits.
bool all_digits(std::string_view text, std::size_t min = 1, std::size_t max = std::string_view::npos);

// UTF-8 in code points (malformed bytes as U+FFFD), and one code point appended as UTF-8.
std::vector<UChar32> code_points(std::string_view text);
void append_utf8(std::string& out, UChar32 cp);
// The first code point of `text`; -1 when empty or malformed.
UChar32 first_code_point(std::string_view text);
// Length in characters, not bytes: limits must not be tighter for Cyrillic or Arabic.
std::size_t char_count(std::string_view text);
// The words of a line as laid out (one space between them, none at the ends, but any
// number accepted): views into `text`.
std::vector<std::string_view> split_on_spaces(std::string_view text);
// `at` moved back to the first byte of the character it falls in (a cut must not split
// one); `at` itself when it is 0 or past the text.
std::size_t char_start(std::string_view text, std::size_t at);
// Lower case by ICU, for any script ("МАРТА" -> "марта", "DÉCEMBRE" -> "décembre").
std::string lowercase(std::string_view text);

// The first character is a letter that is not lower case. Scripts without case (Arabic,
// Han) count as upper: they begin sentences and headings as well.
bool is_upper_start(std::string_view text);
// The first character is a lower-case letter.
bool is_lower_start(std::string_view text);

// A roman numeral as UN documents number parts ("IV") and sub-items ("iv") with: 1 to 6 of
// I V X L, in one case. C is left out: "C." and "(c)" are letters in the A, B, C sequence
// far more often than the number 100.
bool is_roman_numeral(std::string_view text);
bool is_lower_roman_numeral(std::string_view text);

// The text ends a sentence: its last character is . ! ? : ; … or the full stop, question
// mark, exclamation mark, colon or semicolon of Chinese (。？！：；) or Arabic (؟ ؛),
// once trailing spaces, closing quotes and brackets (" ' ) ] ” ’ » *) and footnote
// markers (U+E000 … U+E001) are passed over.
bool ends_sentence(std::string_view text);

}  // namespace verbatim::vocabulary
