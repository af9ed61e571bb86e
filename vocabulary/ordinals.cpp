#include "vocabulary/ordinals.h"
#include "vocabulary/ascii.h"

#include <charconv>
#include <map>
#include <string>

#include "vocabulary/data_files.h"
#include "vocabulary/text.h"

namespace verbatim::vocabulary {
namespace {

const std::map<std::string, int, std::less<>>& ordinal_words() {
    static const std::map<std::string, int, std::less<>> kWords = [] {
        std::map<std::string, int, std::less<>> words;
        for (const auto& row : data_rows("ordinals.txt", 2)) {
            int n = 0;
            if (row.size() == 2) std::from_chars(row[0].data(), row[0].data() + row[0].size(), n);
            if (n > 0) words.emplace(ascii_lower(row[1]), n);
        }
        return words;
    }();
    return kWords;
}

}  // namespace

int ordinal_value(std::string_view word) {
    // ASCII case only: the words are English, and no other letter folds into one of them.
    const std::string w = ascii_lower(word);
    if (auto it = ordinal_words().find(w); it != ordinal_words().end()) return it->second;
    size_t digits = 0;
    while (digits < w.size() && is_digit(w[digits])) ++digits;
    if (digits > 0 && digits <= 3) {
        const std::string_view suffix = std::string_view(w).substr(digits);
        int n = 0;
        std::from_chars(w.data(), w.data() + digits, n);  // at most 3 digits: no overflow
        if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") return n;
    }
    return 0;
}

}  // namespace verbatim::vocabulary
