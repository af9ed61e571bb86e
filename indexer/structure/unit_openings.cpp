#include "indexer/structure/unit_openings.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "model/parse_number.h"
#include "vocabulary/text.h"

namespace verbatim::blocks {

using vocabulary::char_count;
using vocabulary::ends_sentence;
using vocabulary::first_code_point;
using vocabulary::is_upper_start;

std::string_view strip_bullet(std::string_view s, bool* had_bullet) {
    bool bullet = false;
    for (std::string_view b : {"- ", "\xE2\x80\x93 ", "\xE2\x80\xA2 "}) {  // -, en dash, bullet
        if (s.substr(0, b.size()) == b) {
            s.remove_prefix(b.size());
            bullet = true;
            break;
        }
    }
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    if (had_bullet) *had_bullet = bullet;
    return s;
}

bool match_paragraph(std::string_view s, std::string& number, std::string_view& rest) {
    auto digits_at = [&](size_t from) {
        size_t i = from;
        while (i < s.size() && i - from < 4 && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
        return i - from;
    };
    const size_t i = digits_at(0);
    if (i == 0 || i > 3 || i + 2 > s.size() || s[i] != '.' || s[0] == '0') return false;
    size_t number_end = i, end = i + 1;  // "12" and what follows "12."
    if (const size_t d = digits_at(i + 1); d > 0) {
        if (d > 3 || i + 1 + d >= s.size() || s[i + 1 + d] != ' ') return false;
        number_end = end = i + 1 + d;  // "115.37"
    }
    number = std::string(s.substr(0, number_end));
    rest = s.substr(end);
    const bool spaced = !rest.empty() && rest.front() == ' ';
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.empty()) return false;
    // Without a space the next letter must open a sentence: "12.The", not "1.5million".
    return spaced || is_upper_start(rest);
}

bool match_item(std::string_view s, std::string& label, std::string_view& rest) {
    if (s.size() < 4 || s[0] != '(') return false;
    size_t close = s.find(')');
    if (close == std::string_view::npos || close < 2 || close > 7) return false;
    std::string_view inner = s.substr(1, close - 1);
    bool letters = inner.size() <= 2 && std::all_of(inner.begin(), inner.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!letters && !vocabulary::is_lower_roman_numeral(inner)) return false;
    if (close + 1 >= s.size() || s[close + 1] != ' ') return false;
    label = std::string(inner);
    rest = s.substr(close + 2);
    return !rest.empty();
}

int match_numbered_heading(std::string_view s, std::string& numbering) {
    if (char_count(s) > 220) return 0;
    size_t dot = s.find(". ");
    if (dot == std::string_view::npos || dot == 0 || dot > 6) return 0;
    std::string_view head = s.substr(0, dot);
    std::string_view title = s.substr(dot + 2);
    if (!is_upper_start(title)) return 0;
    if (vocabulary::is_roman_numeral(head)) {
        numbering = std::string(head);
        return 1;
    }
    // A single capital letter of any script: Latin "A.", Cyrillic "С." in Russian editions;
    // short, and not a sentence ("M. Draganov succède à ..." is Monsieur Draganov).
    UChar32 letter = first_code_point(head);
    if (letter >= 0 && static_cast<size_t>(U8_LENGTH(letter)) == head.size() && u_isupper(letter) &&
        char_count(s) < 160 && !ends_sentence(s)) {
        numbering = std::string(head);
        return 2;
    }
    return 0;
}

bool iequals_prefix(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    return true;
}

bool match_recommendation(std::string_view s, bool& draft, std::string& number, std::string_view& note) {
    if (s.size() > 160) return false;
    draft = iequals_prefix(s, "draft ");
    if (draft) s.remove_prefix(6);
    if (!iequals_prefix(s, "recommendation ")) return false;
    s.remove_prefix(15);
    size_t i = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == 0 || i > 3) return false;
    size_t j = i;
    while (j < s.size() && s[j] >= 'a' && s[j] <= 'z') ++j;
    std::string_view suffix = s.substr(i, j - i);
    static const std::set<std::string_view> kSuffixes{"", "bis", "ter", "quater", "quinquies", "sexies"};
    if (!kSuffixes.count(suffix)) return false;
    number = std::string(s.substr(0, j));
    std::string_view rest = s.substr(j);
    if (!rest.empty() && rest.front() == '.') rest.remove_prefix(1);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (!rest.empty() && rest.front() != '[' && rest.front() != '(') return false;
    note = rest;
    return true;
}

int small_number(const std::string& digits) { return parse_number<int>(digits, 0, 999).value_or(0); }

bool starts_unit(std::string_view text) {
    std::string_view s = strip_bullet(text);
    std::string number, label;
    std::string_view rest, note;
    bool draft = false;
    return match_paragraph(s, number, rest) || match_item(s, label, rest) ||
           match_numbered_heading(s, number) > 0 || match_recommendation(s, draft, number, note);
}

bool is_signature(std::string_view s) {
    for (std::string_view mark : {"(Signed)", "(Signé)", "(Firmado)", "(Подпись)"})
        if (s.substr(0, mark.size()) == mark) return true;
    return false;
}

bool ends_clause(std::string_view text) {
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    for (std::string_view end : {",", ";", "\xD8\x8C", "\xEF\xBC\x8C", "\xEF\xBC\x9B"})  // , ; ، ， ；
        if (text.size() >= end.size() && text.substr(text.size() - end.size()) == end) return true;
    return false;
}

bool ends_mid_sentence(const std::string& text) {
    if (text.empty()) return false;
    unsigned char c = static_cast<unsigned char>(text.back());
    return c == ',' || c == '-' || std::isalnum(c) || c >= 0x80;
}

}  // namespace verbatim::blocks
