#include "query/present/bidi.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <utility>
#include <vector>

namespace verbatim {

namespace {

constexpr const char* kRli = "\xE2\x81\xA7";  // U+2067 RIGHT-TO-LEFT ISOLATE
constexpr const char* kPdi = "\xE2\x81\xA9";  // U+2069 POP DIRECTIONAL ISOLATE

enum class Strong { none, ltr, rtl };

Strong strength(UChar32 c) {
    if (c < 0x80) return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? Strong::ltr : Strong::none;
    switch (u_charDirection(c)) {
        case U_LEFT_TO_RIGHT: return Strong::ltr;
        case U_RIGHT_TO_LEFT:
        case U_RIGHT_TO_LEFT_ARABIC: return Strong::rtl;
        default: return Strong::none;
    }
}

// Length of an ANSI CSI sequence ("\x1b[1m") at `i`, else 0.
size_t escape_length(std::string_view text, size_t i) {
    if (text[i] != '\x1b' || i + 1 >= text.size() || text[i + 1] != '[') return 0;
    size_t j = i + 2;
    while (j < text.size() && !(text[j] >= 0x40 && text[j] <= 0x7E)) ++j;
    return j < text.size() ? j + 1 - i : 0;
}

// Appends one line (no '\n' in it) to `out`, its right-to-left runs isolated.
void isolate_line(std::string_view text, std::string& out) {
    // Byte ranges of right-to-left runs: from an RTL letter to the last RTL letter
    // before the next LTR letter (neutrals and digits between them belong to the run).
    std::vector<std::pair<size_t, size_t>> runs;
    Strong first = Strong::none;
    bool in_run = false;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        if (size_t esc = escape_length(text, static_cast<size_t>(i))) {
            i += static_cast<int32_t>(esc);
            continue;
        }
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        Strong d = c < 0 ? Strong::none : strength(c);
        if (d == Strong::none) continue;
        if (first == Strong::none) first = d;
        if (d == Strong::rtl) {
            if (in_run) runs.back().second = static_cast<size_t>(i);
            else runs.emplace_back(static_cast<size_t>(start), static_cast<size_t>(i));
            in_run = true;
        } else {
            in_run = false;
        }
    }
    if (runs.empty()) {
        out += text;
        return;
    }
    if (first == Strong::rtl) {
        out.append(kRli).append(text).append(kPdi);
        return;
    }
    size_t at = 0;
    for (auto [b, e] : runs) {
        out.append(text, at, b - at);
        out += kRli;
        out.append(text, b, e - b);
        out += kPdi;
        at = e;
    }
    out.append(text, at, std::string_view::npos);
}

}  // namespace

std::string isolate_rtl(std::string_view text) {
    // An isolate ends with its line (a paragraph, for the bidi algorithm): one per line,
    // taken in a loop (a recursion per line overflowed the stack on a long text).
    std::string out;
    out.reserve(text.size());
    for (size_t begin = 0;;) {
        const size_t nl = text.find('\n', begin);
        isolate_line(text.substr(begin, nl == std::string_view::npos ? std::string_view::npos : nl - begin), out);
        if (nl == std::string_view::npos) return out;
        out += '\n';
        begin = nl + 1;
    }
}

}  // namespace verbatim
