// Right-to-left text in a PDF's text layer. Poppler gives Arabic and Hebrew words in
// visual order (the letters of "مجموعة" come as "ةعومجم"): whether a document does is
// decided from its own words, then such words are put back in reading order, and an
// RTL line is read from right to left.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "indexer/extract/page_layout_internal.h"

namespace verbatim::layout {
namespace {

bool is_rtl_letter(UChar32 c) {
    const UCharDirection d = u_charDirection(c);
    return d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC;
}

constexpr UChar32 kTehMarbuta = 0x0629, kAlef = 0x0627, kLam = 0x0644;

}  // namespace

bool is_rtl_word(std::string_view text) {
    std::size_t rtl = 0, letters = 0;
    for (UChar32 c : code_points(text)) {
        if (!u_isalpha(c)) continue;
        ++letters;
        rtl += is_rtl_letter(c);
    }
    return letters > 0 && rtl * 2 > letters;
}

std::string reverse_visual(std::string_view text) {
    // Clusters: a base character with the marks after it (visual order keeps a mark
    // after its base), and runs of digits, which read left to right in any script.
    const std::vector<UChar32> cps = code_points(text);
    std::vector<std::vector<UChar32>> clusters;
    for (UChar32 c : cps) {
        const bool mark = u_charType(c) == U_NON_SPACING_MARK || u_charType(c) == U_COMBINING_SPACING_MARK;
        const bool digit = u_isdigit(c);
        if (!clusters.empty() && (mark || (digit && u_isdigit(clusters.back().back())))) {
            clusters.back().push_back(c);
        } else {
            clusters.push_back({c});
        }
    }
    std::string out;
    for (auto it = clusters.rbegin(); it != clusters.rend(); ++it)
        for (UChar32 c : *it) append_utf8(out, c);
    return out;
}

bool rtl_in_visual_order(const std::vector<PageWords>& pages) {
    // Arabic words end, never begin, with teh marbuta, and begin with the article "ال":
    // in visual order both stand the other way round.
    long visual = 0, logical = 0;
    for (const PageWords& page : pages)
        for (const PositionedWord& word : page.words) {
            const std::vector<UChar32> cps = code_points(word.text);
            std::vector<UChar32> letters;
            for (UChar32 c : cps)
                if (u_isalpha(c)) letters.push_back(c);
            if (letters.size() < 3 || !is_rtl_letter(letters.front())) continue;
            logical += letters.back() == kTehMarbuta;
            logical += letters[0] == kAlef && letters[1] == kLam;
            visual += letters.front() == kTehMarbuta;
            visual += letters[letters.size() - 1] == kAlef && letters[letters.size() - 2] == kLam;
        }
    return visual > logical;
}

void restore_rtl_order(std::vector<PositionedWord>& words) {
    for (PositionedWord& word : words)
        if (is_rtl_word(word.text)) word.text = reverse_visual(word.text);
}

}  // namespace verbatim::layout
