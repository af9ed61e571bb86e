#include "vocabulary/page_marks.h"
#include "vocabulary/ascii.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "vocabulary/data_files.h"
#include "vocabulary/text.h"

namespace verbatim::vocabulary {
namespace {

int number(std::string_view s) {
    int n = 0;
    std::from_chars(s.data(), s.data() + s.size(), n);  // callers pass at most 4 digits
    return n;
}

struct PageWords {
    std::set<std::string, std::less<>> page, of;  // lower case
    PageWords() {
        for (const auto& row : data_rows("page_words.txt", 3)) {
            if (row.size() != 3) continue;
            (row[0] == "page" ? page : of).insert(lowercase(row[2]));
        }
    }
};

const PageWords& page_words() {
    static const PageWords kWords;
    return kWords;
}

// The word lowered, cheaply when it is ASCII (most are).
std::string lowered(std::string_view w) {
    for (char c : w)
        if (static_cast<unsigned char>(c) >= 0x80) return lowercase(w);
    return ascii_lower(w);
}

}  // namespace

bool is_language_mark(std::string_view t) { return t.size() == 3 && t[0] == '(' && is_upper(t[1]) && t[2] == ')'; }

bool is_job_number(std::string_view t) {
    if (const std::size_t dot = t.find('.'); dot != std::string_view::npos) {
        if (dot == 0 || dot > 3) return false;
        for (std::size_t i = 0; i < dot; ++i)
            if (!is_upper(t[i])) return false;
        t.remove_prefix(dot + 1);
    }
    if (t.size() >= 3 && is_language_mark(t.substr(t.size() - 3))) t.remove_suffix(3);
    if (t.size() == 9 && is_upper(t.back())) t.remove_suffix(1);  // "25-11430X": a reissue
    return t.size() == 8 && t[2] == '-' && all_digits(t.substr(0, 2), 2, 2) && all_digits(t.substr(3), 5, 5);
}

std::string job_number_of(std::string_view word) {
    if (!is_job_number(word)) return {};
    return std::string(word.substr(0, word.find('(')));
}

bool read_page_counter(std::string_view t, int& page, int& of) {
    const std::size_t slash = t.find('/');
    if (slash == std::string_view::npos || !all_digits(t.substr(0, slash), 1, 4) || !all_digits(t.substr(slash + 1), 1, 4))
        return false;
    page = number(t.substr(0, slash));
    of = number(t.substr(slash + 1));
    return true;
}

int page_phrase(const std::vector<std::string_view>& words, std::size_t at, std::size_t& end) {
    const PageWords& w = page_words();
    if (at + 1 >= words.size() || !w.page.count(lowered(words[at])) || !all_digits(words[at + 1], 1, 4)) return 0;
    end = at + 2;
    if (end + 1 < words.size() && w.of.count(lowered(words[end])) && all_digits(words[end + 1], 1, 4)) end += 2;
    return std::max(1, number(words[at + 1]));
}

}  // namespace verbatim::vocabulary
