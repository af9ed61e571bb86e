#include "indexer/extract/text_furniture.h"

#include "indexer/extract/text_layout.h"

#include <charconv>
#include <vector>

#include "vocabulary/dates.h"
#include "vocabulary/page_marks.h"
#include "vocabulary/symbols.h"
#include "vocabulary/text.h"

namespace verbatim {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f'; }

std::vector<std::string_view> words_of(std::string_view s) {
    std::vector<std::string_view> out;
    for (size_t i = 0; i < s.size();) {
        while (i < s.size() && is_space(s[i])) ++i;
        size_t j = i;
        while (j < s.size() && !is_space(s[j])) ++j;
        if (j > i) out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

bool is_counter_token(std::string_view t) {
    int page = 0, of = 0;
    return vocabulary::read_page_counter(t, page, of);
}

// A job number with its language mark, attached or not: "21-02065 (E)", "21-02065(E)".
bool is_job_at(const std::vector<std::string_view>& words, size_t& w) {
    if (!vocabulary::is_job_number(words[w])) return false;
    const size_t next = w + 1;
    if (words[w].back() != ')' && next < words.size() && vocabulary::is_language_mark(words[next])) w = next;
    return true;
}

}  // namespace

bool is_page_furniture_line(std::string_view line, int& page) {
    page = 0;
    // Furniture is short and always holds a digit or a '*'.
    if (line.size() > 60 || line.find_first_of("0123456789*") == std::string_view::npos) return false;
    std::vector<std::string_view> words = words_of(line);
    if (words.empty()) return false;
    int first = 0, of = 0;
    // "2/7", "2/7 V.20-05476"
    if (vocabulary::read_page_counter(words[0], first, of)) {
        size_t w = 1;
        if (words.size() == 1 || (words.size() <= 3 && is_job_at(words, w) && w + 1 == words.size())) {
            page = first;
            return first <= of;
        }
        return false;
    }
    // "V.20-05476", "V.20-05476 5/7", "21-02065 (E)"
    size_t w = 0;
    if (is_job_at(words, w)) {
        if (w + 1 == words.size()) return true;
        if (w + 2 == words.size() && vocabulary::read_page_counter(words[w + 1], first, of)) {
            page = first;
            return true;
        }
        return false;
    }
    // "Page 3", "- Page 3 of 9 -"
    const size_t at = words[0] == "-" ? 1 : 0;
    size_t rest = 0;
    if (const int n = vocabulary::page_phrase(words, at, rest); n > 0) {
        if (rest < words.size() && words[rest] == "-") ++rest;
        if (rest != words.size()) return false;
        page = n;
        return true;
    }
    // "*2005476*": the barcode line of a scanned document
    std::string_view t = words[0];
    return words.size() == 1 && t.size() >= 9 && t.front() == '*' && t.back() == '*' &&
           vocabulary::all_digits(t.substr(1, t.size() - 2), 7, 60);
}

bool read_number(std::string_view s, size_t& i, size_t max_digits, int& value) {
    size_t j = i;
    while (j < s.size() && j - i < max_digits && is_digit(s[j])) ++j;
    if (j == i) return false;
    // At most 9 digits are asked for anywhere, so the value fits an int.
    auto [end, ec] = std::from_chars(s.data() + i, s.data() + j, value);
    if (ec != std::errc()) return false;
    i = static_cast<size_t>(end - s.data());
    return true;
}

bool is_header_line(std::string_view line, HeaderFields& fields) {
    if (line.size() > 80) return false;
    std::vector<std::string_view> words = words_of(line);
    if (words.empty() || words.size() > 5) return false;
    HeaderFields found;
    bool job = false;
    for (size_t w = 0; w < words.size(); ++w) {
        std::string_view t = words[w];
        if (vocabulary::is_job_number(t)) {
            job = true;
        } else if (vocabulary::is_language_mark(t) && w > 0) {
            // "21-02065 (E)": the language of the job number.
        } else if (std::string date = vocabulary::numeric_date(t); !date.empty()) {
            if (found.date.empty()) found.date = date;
        } else if (vocabulary::is_un_symbol(t)) {
            if (found.symbol.empty()) found.symbol = std::string(t);
        } else if (!is_counter_token(t) && !vocabulary::all_digits(t, 1, 4)) {
            return false;
        }
    }
    if (found.symbol.empty() && found.date.empty() && !job) return false;
    found.strong = job || (!found.symbol.empty() && !found.date.empty());
    fields = std::move(found);
    return true;
}

std::string digit_shape(std::string_view line) {
    std::string out;
    out.reserve(line.size());
    for (size_t i = 0; i < line.size(); ++i) {
        if (!is_digit(line[i])) {
            out += line[i];
            continue;
        }
        out += '#';
        while (i + 1 < line.size() && is_digit(line[i + 1])) ++i;
    }
    return out;
}

}  // namespace verbatim
