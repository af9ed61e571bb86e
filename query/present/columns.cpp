#include "query/present/columns.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>
#include <vector>

namespace verbatim {

namespace {

int code_point_width(UChar32 c) {
    const int8_t category = u_charType(c);
    if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR ||
        category == U_CONTROL_CHAR)
        return 0;
    const int east_asian = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    if (east_asian == U_EA_WIDE || east_asian == U_EA_FULLWIDTH || u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION))
        return 2;
    return 1;
}

struct Grapheme {
    int32_t start, end;  // UTF-16 offsets
    int width;
};

std::vector<Grapheme> graphemes(const icu::UnicodeString& s) {
    std::vector<Grapheme> out;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) {  // no break data: one code point per grapheme
        for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) out.push_back({i, s.moveIndex32(i, 1), code_point_width(s.char32At(i))});
        return out;
    }
    it->setText(s);
    for (int32_t b = it->first(), e = it->next(); e != icu::BreakIterator::DONE; b = e, e = it->next()) {
        int width = 0;
        for (int32_t i = b; i < e; i = s.moveIndex32(i, 1)) width = std::max(width, code_point_width(s.char32At(i)));
        out.push_back({b, e, width});
    }
    return out;
}

}  // namespace

size_t display_width(const std::string& text) {
    size_t width = 0;
    for (const Grapheme& g : graphemes(icu::UnicodeString::fromUTF8(text))) width += static_cast<size_t>(g.width);
    return width;
}

std::string fit_columns(const std::string& text, size_t width, bool pad, const std::string& ellipsis) {
    const icu::UnicodeString s = icu::UnicodeString::fromUTF8(text);
    const std::vector<Grapheme> parts = graphemes(s);
    size_t total = 0;
    for (const Grapheme& g : parts) total += static_cast<size_t>(g.width);
    std::string out;
    size_t used = total;
    if (total <= width) {
        s.toUTF8String(out);
    } else {
        const size_t room = width > display_width(ellipsis) ? width - display_width(ellipsis) : 0;
        used = 0;
        int32_t end = 0;
        for (const Grapheme& g : parts) {
            if (used + static_cast<size_t>(g.width) > room) break;
            used += static_cast<size_t>(g.width);
            end = g.end;
        }
        s.tempSubString(0, end).toUTF8String(out);
        out += ellipsis;
        used += display_width(ellipsis);
    }
    if (pad && used < width) out.append(width - used, ' ');
    return out;
}

}  // namespace verbatim
