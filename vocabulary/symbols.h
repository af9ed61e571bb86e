// UN document symbols: "A/RES/74/176", "CTOC/COP/WG.4/2020/4", "E/CN.15/2019/L.3/Rev.1".
// One shape for every stage: 1 to 8 capital letters (the organ, "A", "CTOC") at a word
// start, then one or more parts, each "/" and [A-Za-z0-9.-]* ending in a letter or digit
// ("UNEP/OzL.Pro.ImpCom/62/2"), and a digit somewhere ("UN/DESA" names an office, not a
// document): the regular expression \b[A-Z]{1,8}(/[A-Za-z0-9.-]*[A-Za-z0-9])+ with a digit.
// Hand-written scanners, linear in the text: they run on every line of every document.
#pragma once

#include <cstddef>
#include <string_view>

namespace verbatim::vocabulary {

// True when the whole of `text` is one symbol.
bool is_un_symbol(std::string_view text);

// The symbol a word of running text is, without the punctuation after it
// ("A/74/176," -> "A/74/176"); empty when the word is not a symbol.
std::string_view un_symbol_in_word(std::string_view word);

// The first symbol at or after `from` that starts a word, as [start, end); false if none.
bool find_un_symbol(std::string_view text, std::size_t from, std::size_t& start, std::size_t& end);

}  // namespace verbatim::vocabulary
