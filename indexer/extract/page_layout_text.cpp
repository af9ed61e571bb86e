// Character-level text work for page layout: normalisation, numbering tokens,
// and the rejoining of words hyphenated at a line end.
#include <algorithm>
#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "indexer/extract/page_layout_internal.h"
#include "vocabulary/text.h"

namespace verbatim::layout {

namespace {

bool is_odd_space(UChar32 cp) {
    return cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000 || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f';
}

bool is_invisible(UChar32 cp) {
    return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

const char* ligature(UChar32 cp) {
    switch (cp) {
        case 0xFB00: return "ff";
        case 0xFB01: return "fi";
        case 0xFB02: return "fl";
        case 0xFB03: return "ffi";
        case 0xFB04: return "ffl";
        case 0xFB05:
        case 0xFB06: return "st";
        default: return nullptr;
    }
}

// U+E000/U+E001 frame footnote markers inside line text.
bool is_marker(UChar32 cp) { return cp == 0xE000 || cp == 0xE001; }

bool is_opening(UChar32 cp) {
    return cp == '(' || cp == '[' || cp == '"' || cp == '\'' || cp == 0x2018 || cp == 0x201C ||
           cp == 0x00AB;
}

using vocabulary::lowercase;

// Letters (and inner hyphens/apostrophes) of a token, without surrounding punctuation.
std::string word_core(std::string_view token) {
    const std::vector<UChar32> cps = code_points(token);
    std::size_t begin = 0;
    std::size_t end = cps.size();
    while (begin < end && !u_isalnum(cps[begin])) ++begin;
    while (end > begin && !u_isalnum(cps[end - 1])) --end;
    std::string out;
    for (std::size_t i = begin; i < end; ++i) append_utf8(out, cps[i]);
    return out;
}

// Bound prefixes that English, French and Spanish write with a hyphen before a
// word that also stands alone ("non-punishment", "multi-stakeholder", "sous-comité").
// Prefixes usually fused with their word (inter, pre, re, sub, trans) are left out: a
// break after them is a syllable break ("inter-" + "national").
bool is_hyphenated_prefix(const std::string& left) {
    static const std::array<const char*, 14> prefixes = {
        "non", "multi", "anti", "co", "cross", "self", "ex", "quasi", "vice", "semi",
        "sous", "demi", "mi", "pseudo"};
    return std::any_of(prefixes.begin(), prefixes.end(),
                       [&](const char* p) { return left == p; });
}

int count_of(const Vocabulary& vocabulary, const std::string& word) {
    const auto it = vocabulary.counts.find(word);
    return it == vocabulary.counts.end() ? 0 : it->second;
}

bool ends_with_broken_word(std::string_view token) {
    if (token.size() < 2 || token.back() != '-') return false;
    const std::vector<UChar32> cps = code_points(token.substr(0, token.size() - 1));
    return !cps.empty() && u_isalpha(cps.back());
}

std::size_t last_space(const std::string& text) {
    const std::size_t at = text.rfind(' ');
    return at == std::string::npos ? 0 : at + 1;
}

}  // namespace

std::string normalise_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (UChar32 cp : code_points(text)) {
        if (is_invisible(cp)) continue;
        if (cp >= 0xF020 && cp <= 0xF07E) cp -= 0xF000;  // symbol-font PUA (barcode digits)
        if (cp == 0x2010 || cp == 0x2011) cp = '-';
        if (cp == ' ' || is_odd_space(cp)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        if (const char* letters = ligature(cp)) {
            out += letters;
        } else {
            append_utf8(out, cp);
        }
    }
    return out;
}

std::vector<std::string> split_words(std::string_view text) {
    const std::vector<std::string_view> views = vocabulary::split_on_spaces(text);
    return std::vector<std::string>(views.begin(), views.end());
}

namespace {

std::size_t count_while(std::string_view s, std::size_t from, bool (*pred)(char)) {
    std::size_t i = from;
    while (i < s.size() && pred(s[i])) ++i;
    return i - from;
}
bool digit(char c) { return c >= '0' && c <= '9'; }
bool lower(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace

// "12." "12)" "3.2." "115.37" "(3)" "(a)" "a)" "(iv)" "IV." "A.": hand-scanned, linear.
bool is_numbering_token(std::string_view t) {
    if (t.size() < 2 || t.size() > 16) return false;
    if (digit(t[0])) {
        std::size_t i = 0;
        int groups = 0;
        while (i < t.size()) {
            const std::size_t d = count_while(t, i, digit);
            if (d == 0 || d > 3) return false;
            i += d;
            ++groups;
            if (i == t.size()) return groups >= 2;  // "115.37"
            if (t[i] == ')') return i + 1 == t.size();
            if (t[i] != '.') return false;
            if (++i == t.size()) return true;  // "12." "3.2."
        }
        return false;
    }
    if (t.front() == '(' && t.back() == ')') {
        const std::string_view inner = t.substr(1, t.size() - 2);
        const std::size_t n = inner.size();
        return (n >= 1 && n <= 3 && count_while(inner, 0, digit) == n) ||
               (n >= 1 && n <= 2 && count_while(inner, 0, lower) == n) ||
               vocabulary::is_lower_roman_numeral(inner);
    }
    if (t.back() == ')') return t.size() <= 3 && count_while(t, 0, lower) == t.size() - 1;  // "a)"
    if (t.back() == '.') {
        const std::size_t n = t.size() - 1;
        return vocabulary::is_roman_numeral(t.substr(0, n)) || (n == 1 && t[0] >= 'A' && t[0] <= 'Z');
    }
    return false;
}

bool is_footnote_label(std::string_view t) {
    if (t.empty()) return false;
    if (count_while(t, 0, digit) == t.size()) return t.size() <= 3;
    if (t.find_first_not_of('*') == std::string_view::npos) return t.size() <= 3;
    return (t.size() == 1 && lower(t[0])) || t == "\xE2\x80\xA0" || t == "\xE2\x80\xA1";  // † ‡
}

std::string without_markers(std::string_view text) {
    std::string out;
    bool inside = false;
    for (UChar32 cp : code_points(text)) {
        if (cp == 0xE000) inside = true;
        if (!inside) append_utf8(out, cp);
        if (cp == 0xE001) inside = false;
    }
    return out;
}

bool starts_lowercase(std::string_view text) {
    for (UChar32 cp : code_points(text)) {
        if (cp == ' ' || is_marker(cp) || is_opening(cp)) continue;
        return u_islower(cp) != 0;
    }
    return false;
}

namespace {

// lowercase(word_core(word)), without decoding when the word is ASCII (most are): the
// same letters and digits (u_isalnum) and the same lowercase (u_tolower) there.
std::string vocabulary_key(std::string_view word) {
    if (std::any_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
        return lowercase(word_core(word));
    auto alnum = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    std::size_t begin = 0, end = word.size();
    while (begin < end && !alnum(word[begin])) ++begin;
    while (end > begin && !alnum(word[end - 1])) --end;
    std::string out(word.substr(begin, end - begin));
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace

Vocabulary collect_vocabulary(const std::vector<SourceLine>& lines) {
    Vocabulary vocabulary;
    for (const SourceLine& line : lines) {
        const std::vector<std::string> words = split_words(without_markers(line.text));
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (i + 1 == words.size() && ends_with_broken_word(words[i])) continue;
            const std::string core = vocabulary_key(words[i]);
            if (!core.empty()) ++vocabulary.counts[core];
        }
    }
    return vocabulary;
}

// Rule, in order:
//  1. the document itself decides: whichever of "stem+rest" and "stem-rest" occurs
//     more often elsewhere in running text wins ("inter-agency", "multidisciplinary");
//  2. the hyphen is kept when the rest starts with an uppercase letter or a digit
//     ("Asia-Pacific", "COVID-19") or the part before it is a bound prefix that is
//     written hyphenated ("non-", "multi-", "anti-", "co-");
//  3. otherwise the hyphen is a syllable break and the word is joined ("traffick-ing").
std::string join_broken_word(std::string_view left_with_hyphen, std::string_view right,
                             const Vocabulary& vocabulary) {
    const std::string stem(left_with_hyphen.substr(0, left_with_hyphen.size() - 1));
    const std::string joined = stem + std::string(right);
    const std::string hyphenated = stem + "-" + std::string(right);

    const int joined_count = count_of(vocabulary, lowercase(word_core(joined)));
    const int hyphen_count = count_of(vocabulary, lowercase(word_core(hyphenated)));
    if (joined_count != hyphen_count) return joined_count > hyphen_count ? joined : hyphenated;

    // "culture- and disability-sensitive": a suspended hyphen before a conjunction is
    // kept with its space; no word ends in "-and".
    static const std::set<std::string> kConjunctions{"and", "or", "nor", "to", "et", "ou", "y", "o", "и", "или"};
    if (kConjunctions.count(lowercase(word_core(std::string(right))))) return stem + "- " + std::string(right);

    const std::vector<UChar32> right_cps = code_points(right);
    const bool right_capital_or_digit =
        !right_cps.empty() && (u_isupper(right_cps[0]) || u_isdigit(right_cps[0]));
    const std::size_t inner = stem.rfind('-');
    const std::string left_part =
        lowercase(word_core(inner == std::string::npos ? stem : stem.substr(inner + 1)));
    if (right_capital_or_digit || is_hyphenated_prefix(left_part)) return hyphenated;
    return joined;
}

void join_hyphenated_lines(std::vector<SourceLine>& lines) {
    const Vocabulary vocabulary = collect_vocabulary(lines);
    for (LineRole role : {LineRole::body, LineRole::footnote}) {
        SourceLine* previous = nullptr;
        for (SourceLine& line : lines) {
            if (line.role != role || line.text.empty()) continue;
            const std::size_t tail = previous ? last_space(previous->text) : 0;
            if (previous && !line.starts_block &&
                ends_with_broken_word(std::string_view(previous->text).substr(tail))) {
                const std::size_t head_end = std::min(line.text.find(' '), line.text.size());
                const std::string head = line.text.substr(0, head_end);
                const std::vector<UChar32> first = code_points(head);
                if (!first.empty() && u_isalnum(first[0])) {
                    previous->text = previous->text.substr(0, tail) +
                                     join_broken_word(previous->text.substr(tail), head, vocabulary);
                    line.text = head_end < line.text.size() ? line.text.substr(head_end + 1) : "";
                }
            }
            if (!line.text.empty()) previous = &line;
        }
    }
    std::erase_if(lines, [](const SourceLine& line) { return line.text.empty(); });
}

}  // namespace verbatim::layout
