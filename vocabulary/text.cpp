#include "vocabulary/text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace verbatim::vocabulary {

bool all_digits(std::string_view text, std::size_t min, std::size_t max) {
    if (text.size() < min || text.size() > max) return false;
    for (char c : text)
        if (!is_digit(c)) return false;
    return true;
}

std::vector<UChar32> code_points(std::string_view text) {
    std::vector<UChar32> cps;
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        UChar32 cp = 0;
        U8_NEXT(bytes, i, length, cp);
        cps.push_back(cp < 0 ? 0xFFFD : cp);
    }
    return cps;
}

void append_utf8(std::string& out, UChar32 cp) {
    char buffer[4];
    int32_t length = 0;
    UBool error = false;
    U8_APPEND(buffer, length, 4, cp, error);
    if (!error) out.append(buffer, static_cast<std::size_t>(length));
}

UChar32 first_code_point(std::string_view text) {
    if (text.empty()) return -1;
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
    return c;
}

std::size_t char_count(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text) n += (c & 0xC0) != 0x80;
    return n;
}

std::vector<std::string_view> split_on_spaces(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        const std::size_t start = i;
        while (i < text.size() && text[i] != ' ') ++i;
        if (i > start) out.push_back(text.substr(start, i - start));
    }
    return out;
}

std::size_t char_start(std::string_view text, std::size_t at) {
    while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    return at;
}

std::string lowercase(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (UChar32 cp : code_points(text)) append_utf8(out, u_tolower(cp));
    return out;
}

bool is_upper_start(std::string_view text) {
    const UChar32 c = first_code_point(text);
    return c >= 0 && u_isalpha(c) && !u_islower(c);
}

bool is_lower_start(std::string_view text) {
    const UChar32 c = first_code_point(text);
    return c >= 0 && u_islower(c);
}

bool is_roman_numeral(std::string_view text) {
    return !text.empty() && text.size() <= 6 && text.find_first_not_of("IVXL") == std::string_view::npos;
}

bool is_lower_roman_numeral(std::string_view text) {
    return !text.empty() && text.size() <= 6 && text.find_first_not_of("ivxl") == std::string_view::npos;
}

namespace {

bool is_closing(UChar32 cp) {
    return cp == ')' || cp == ']' || cp == '"' || cp == '\'' || cp == 0x2019 || cp == 0x201D || cp == 0x00BB ||
           cp == '*';
}

bool is_sentence_end(UChar32 cp) {
    switch (cp) {
        case '.': case '!': case '?': case ':': case ';':
        case 0x2026:                                      // …
        case 0x3002: case 0xFF1F: case 0xFF01: case 0xFF1A: case 0xFF1B:  // 。？！：；
        case 0x061F: case 0x061B:                         // ؟ ؛
            return true;
        default:
            return false;
    }
}

}  // namespace

bool ends_sentence(std::string_view text) {
    // From the end backwards, decoding only what is passed over (it runs on every block).
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    bool in_marker = false;  // walking back through U+E000 n U+E001
    for (int32_t i = static_cast<int32_t>(text.size()); i > 0;) {
        int32_t start = i - 1;  // the lead byte of the last character before i
        while (start > 0 && i - start < 4 && (bytes[start] & 0xC0) == 0x80) --start;
        int32_t next = start;
        UChar32 cp = 0;
        U8_NEXT(bytes, next, i, cp);
        if (next != i) cp = 0xFFFD;  // malformed
        i = start;
        if (cp == 0xE001) in_marker = true;
        if (in_marker) {
            if (cp == 0xE000) in_marker = false;
            continue;
        }
        if (cp == ' ' || is_closing(cp)) continue;
        return is_sentence_end(cp);
    }
    return false;
}

}  // namespace verbatim::vocabulary
