#include "vocabulary/symbols.h"

#include <algorithm>

#include "vocabulary/text.h"

namespace verbatim::vocabulary {
namespace {

constexpr std::size_t kMaxOrgan = 8;

bool is_alnum(char c) { return is_upper(c) || is_digit(c) || (c >= 'a' && c <= 'z'); }
bool is_part_char(char c) { return is_alnum(c) || c == '.' || c == '-'; }
// A symbol does not start inside a word (ASCII letters, digits and '_', as \b sees them).
bool is_word_byte(char c) { return is_alnum(c) || c == '_'; }

// The end of the parts that follow the organ's slash at `slash`; `slash` when none.
std::size_t parts_end(std::string_view text, std::size_t slash) {
    std::size_t end = slash;
    while (end < text.size() && text[end] == '/') {
        std::size_t run = end + 1;
        while (run < text.size() && is_part_char(text[run])) ++run;
        std::size_t last = run;  // the part ends in a letter or digit
        while (last > end + 1 && !is_alnum(text[last - 1])) --last;
        if (last == end + 1) break;  // no letter or digit: not a part
        end = last;
        if (last != run) break;  // "L.1." then more: the symbol ended at "1"
    }
    return end;
}

// The end of the symbol-shaped run whose organ ends at the slash `slash`, or `slash` when
// there is none; `digit` says whether its parts hold one.
std::size_t shape_end(std::string_view text, std::size_t slash, bool& digit) {
    const std::size_t end = parts_end(text, slash);
    digit = std::any_of(text.begin() + static_cast<long>(slash), text.begin() + static_cast<long>(end), is_digit);
    return end;
}

}  // namespace

bool find_un_symbol(std::string_view text, std::size_t from, std::size_t& start, std::size_t& end) {
    for (std::size_t slash = text.find('/', from); slash != std::string_view::npos; slash = text.find('/', slash + 1)) {
        std::size_t b = slash;
        while (b > from && slash - b <= kMaxOrgan && is_upper(text[b - 1])) --b;
        if (b == slash || slash - b > kMaxOrgan) continue;
        if (b > 0 && is_word_byte(text[b - 1])) continue;
        bool digit = false;
        const std::size_t e = shape_end(text, slash, digit);
        if (e == slash) continue;
        if (digit) {
            start = b;
            end = e;
            return true;
        }
        // No digit: nor in any run starting inside this one (they end where it ends), so
        // the search goes on after it, in linear time ("UN/DESA/...").
        slash = e - 1;
    }
    return false;
}

bool is_un_symbol(std::string_view text) {
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash > kMaxOrgan) return false;
    if (!std::all_of(text.begin(), text.begin() + static_cast<long>(slash), is_upper)) return false;
    bool digit = false;
    return shape_end(text, slash, digit) == text.size() && digit;
}

std::string_view un_symbol_in_word(std::string_view word) {
    while (!word.empty() && (word.back() == ',' || word.back() == '.' || word.back() == ';' || word.back() == ':'))
        word.remove_suffix(1);
    return is_un_symbol(word) ? word : std::string_view();
}

}  // namespace verbatim::vocabulary
