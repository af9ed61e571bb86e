#include "indexer/extract/text_furniture.h"

#include "indexer/extract/text_layout.h"

#include <charconv>
#include <cstdio>
#include <vector>

namespace verbatim {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
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

bool all_digits(std::string_view s, size_t min, size_t max) {
    if (s.size() < min || s.size() > max) return false;
    for (char c : s)
        if (!is_digit(c)) return false;
    return true;
}

// "15-29425", "V.20-05476", "GE.19-13879".
bool is_job_token(std::string_view t) {
    size_t dot = t.find('.');
    if (dot != std::string_view::npos) {
        if (dot == 0 || dot > 3) return false;
        for (size_t i = 0; i < dot; ++i)
            if (!is_upper(t[i])) return false;
        t.remove_prefix(dot + 1);
    }
    return t.size() == 8 && all_digits(t.substr(0, 2), 2, 2) && t[2] == '-' && all_digits(t.substr(3), 5, 5);
}

// "28/09/2015" or "28.09.2015" -> "2015-09-28"; empty when it is not a date.
std::string numeric_date(std::string_view t) {
    size_t i = 0;
    int day = 0, month = 0, year = 0;
    if (!read_number(t, i, 2, day) || i >= t.size() || (t[i] != '/' && t[i] != '.')) return {};
    const char sep = t[i++];
    if (!read_number(t, i, 2, month) || i >= t.size() || t[i] != sep) return {};
    ++i;
    const size_t year_at = i;
    if (!read_number(t, i, 4, year) || i != t.size() || i - year_at != 4) return {};
    if (day < 1 || day > 31 || month < 1 || month > 12 || year < 1900 || year > 2100) return {};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

bool is_counter_token(std::string_view t) {
    size_t slash = t.find('/');
    return slash != std::string_view::npos && all_digits(t.substr(0, slash), 1, 4) &&
           all_digits(t.substr(slash + 1), 1, 4);
}

// A job number with its language mark, attached or not: "21-02065 (E)", "21-02065(E)".
bool is_job_at(const std::vector<std::string_view>& words, size_t& w) {
    std::string_view t = words[w];
    if (t.size() == 11 && t[8] == '(' && is_upper(t[9]) && t[10] == ')') t = t.substr(0, 8);
    if (!is_job_token(t)) return false;
    const size_t next = w + 1;
    if (t.size() == words[w].size() && next < words.size() && words[next].size() == 3 && words[next][0] == '(' &&
        is_upper(words[next][1]) && words[next][2] == ')')
        w = next;
    return true;
}

// "3/7" -> (3, 7).
bool read_counter(std::string_view t, int& page, int& of) {
    size_t i = 0;
    if (!read_number(t, i, 4, page) || i >= t.size() || t[i] != '/') return false;
    const size_t from = ++i;
    return read_number(t, i, 4, of) && i == t.size() && i > from;
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
    if (read_counter(words[0], first, of)) {
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
        if (w + 2 == words.size() && read_counter(words[w + 1], first, of)) {
            page = first;
            return true;
        }
        return false;
    }
    // "Page 3", "- Page 3 of 9 -"
    size_t i = 0;
    if (words[0] == "-") ++i;
    if (i < words.size() && (words[i] == "Page" || words[i] == "page") && i + 1 < words.size()) {
        size_t at = 0;
        int n = 0;
        if (!read_number(words[i + 1], at, 4, n) || at != words[i + 1].size()) return false;
        size_t rest = i + 2;
        if (rest + 1 < words.size() && words[rest] == "of" && all_digits(words[rest + 1], 1, 4)) rest += 2;
        if (rest < words.size() && words[rest] == "-") ++rest;
        if (rest != words.size()) return false;
        page = n;
        return true;
    }
    // "*2005476*": the barcode line of a scanned document
    std::string_view t = words[0];
    return words.size() == 1 && t.size() >= 9 && t.front() == '*' && t.back() == '*' &&
           all_digits(t.substr(1, t.size() - 2), 7, 60);
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

bool is_symbol_token(std::string_view t) {
    if (t.size() >= 60) return false;
    size_t i = 0;
    while (i < t.size() && is_upper(t[i])) ++i;
    if (i == 0 || i > 8) return false;
    size_t parts = 0;
    bool digit = false;
    while (i < t.size()) {
        if (t[i] != '/') return false;
        size_t j = ++i;
        while (j < t.size() && t[j] != '/') {
            const char c = t[j];
            if (!(is_digit(c) || is_upper(c) || (c >= 'a' && c <= 'z') || c == '.' || c == '-')) return false;
            digit = digit || is_digit(c);
            ++j;
        }
        if (j == i || j - i > 12) return false;
        ++parts;
        i = j;
    }
    return parts >= 1 && parts <= 8 && digit;
}

bool is_header_line(std::string_view line, HeaderFields& fields) {
    if (line.size() > 80) return false;
    std::vector<std::string_view> words = words_of(line);
    if (words.empty() || words.size() > 5) return false;
    HeaderFields found;
    bool job = false;
    for (size_t w = 0; w < words.size(); ++w) {
        std::string_view t = words[w];
        if (is_job_token(t)) {
            job = true;
        } else if (t.size() == 3 && t[0] == '(' && is_upper(t[1]) && t[2] == ')' && w > 0) {
            // "21-02065 (E)": the language of the job number.
        } else if (std::string date = numeric_date(t); !date.empty()) {
            if (found.date.empty()) found.date = date;
        } else if (is_symbol_token(t) && t.find("//") == std::string_view::npos) {
            if (found.symbol.empty()) found.symbol = std::string(t);
        } else if (!is_counter_token(t) && !all_digits(t, 1, 4)) {
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
