// What the printer puts on a UN document's pages besides its text: job numbers
// ("V.20-05476", "GE.19-13879(E)", "21-02065"), page counters ("2/7") and page lines
// ("Page 3 of 9", "Página 2 de 5", "Страница 4 из 7"; the words are data,
// vocabulary/data/page_words.txt). Hand-written scanners: they run on every line.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace verbatim::vocabulary {

// A job number: optionally the duty station's capitals and a dot ("V.", "GE."), then two
// digits, "-", five digits; a reissue letter ("25-11430X") and the language in brackets
// ("(E)") may follow, attached.
bool is_job_number(std::string_view word);
// The job number `word` holds without its language mark ("21-02065(E)" -> "21-02065");
// empty when it is none.
std::string job_number_of(std::string_view word);
// "(E)", "(F)": the language mark printed beside a job number.
bool is_language_mark(std::string_view word);

// "2/7" -> page 2 of 7; false when `word` is not a counter (1 to 4 digits each side).
bool read_page_counter(std::string_view word, int& page, int& of);

// "Page 3", "Page 3 of 9" at words[at] (the page word in any letter case): the page number
// (1 to 4 digits; "Page 0" reads 1), with `end` just past the phrase; 0 when no page
// phrase starts there.
int page_phrase(const std::vector<std::string_view>& words, std::size_t at, std::size_t& end);

}  // namespace verbatim::vocabulary
