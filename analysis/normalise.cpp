#include "analysis/normalise.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace verbatim {

namespace {

bool is_ascii(std::string_view s) {
    for (unsigned char c : s)
        if (c >= 0x80) return false;
    return true;
}

// Drops combining marks that sit on a Latin base letter; keeps the marks of other
// scripts, where they change the letter (Cyrillic breve in "й", Devanagari vowels).
icu::UnicodeString strip_latin_marks(const icu::UnicodeString& decomposed) {
    icu::UnicodeString out;
    UScriptCode base_script = USCRIPT_COMMON;
    for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) {
            if (base_script == USCRIPT_LATIN) continue;
        } else {
            UErrorCode status = U_ZERO_ERROR;
            base_script = uscript_getScript(c, &status);
        }
        out.append(c);
    }
    return out;
}

bool is_arabic(UChar32 c) { return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF); }

// Arabic is written with optional marks and variant letters that readers treat as the
// same word (as Lucene's ArabicNormalizer does): tashkeel (short vowels, shadda, sukun,
// dagger alef) and tatweel (a stretching stroke) are dropped; alef with hamza or madda
// and alef wasla become bare alef; alef maqsura becomes yaa; Arabic-Indic digits become
// ASCII digits; ta marbuta at the end of the word becomes ha, as it is often printed
// (مدرسة / مدرسه): the stemmer takes either ending off alike.
icu::UnicodeString fold_arabic(const icu::UnicodeString& text) {
    icu::UnicodeString out;
    for (int32_t i = 0; i < text.length();) {
        UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        if (c == 0x0640 || (c >= 0x064B && c <= 0x0652) || (c >= 0x0656 && c <= 0x065F) || c == 0x0670) continue;
        if (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671 || c == 0x0672 || c == 0x0673) c = 0x0627;
        else if (c == 0x0649) c = 0x064A;
        else if (c >= 0x0660 && c <= 0x0669) c = '0' + (c - 0x0660);
        else if (c >= 0x06F0 && c <= 0x06F9) c = '0' + (c - 0x06F0);
        out.append(c);
    }
    if (out.length() > 1 && out.charAt(out.length() - 1) == 0x0629) out.setCharAt(out.length() - 1, 0x0647);
    return out;
}

// Articles and pronouns that French (and Italian) write elided onto the next word:
// Lucene's French ElisionFilter list, and the Italian articles met in names
// ("dell'Acqua").
constexpr std::string_view kElided[] = {"l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu",
                                        "lorsqu", "puisqu", "dell", "all", "dall", "nell", "sull"};

bool has_arabic(const icu::UnicodeString& text) {
    for (int32_t i = 0; i < text.length(); ++i)
        if (is_arabic(text.charAt(i))) return true;
    return false;
}

}  // namespace

std::string fold_word(std::string_view word) {
    if (is_ascii(word)) {  // fast path: most of the corpus
        std::string out(word);
        for (char& c : out)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return out;
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return std::string(word);

    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
    // Apostrophes written as U+2019 or U+02BC fold to the ASCII one.
    text.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2019)), icu::UnicodeString("'"));
    text.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x02BC)), icu::UnicodeString("'"));
    icu::UnicodeString folded = nfkc_cf->normalize(text, status);
    icu::UnicodeString decomposed = nfd->normalize(folded, status);
    icu::UnicodeString result = nfc->normalize(strip_latin_marks(decomposed), status);
    if (U_FAILURE(status)) return std::string(word);
    // Russian prints ё as е in most texts ("Кишинёве" / "Кишиневе").
    result.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x0451)), icu::UnicodeString(static_cast<UChar32>(0x0435)));
    if (has_arabic(result)) result = fold_arabic(result);
    std::string out;
    result.toUTF8String(out);
    return out;
}

size_t elided_prefix_length(std::string_view term) {
    size_t apostrophe = term.find('\'');
    if (apostrophe == std::string_view::npos || apostrophe + 1 >= term.size()) return 0;
    std::string_view article = term.substr(0, apostrophe);
    for (std::string_view e : kElided)
        if (article == e) return apostrophe + 1;
    return 0;
}

bool is_valid_utf8(std::string_view text) {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    int32_t length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) return false;
    }
    return true;
}

size_t repair_utf8(std::string& text) {
    if (is_valid_utf8(text)) return 0;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    int32_t length = static_cast<int32_t>(text.size());
    std::string out;
    out.reserve(text.size());
    size_t replaced = 0;
    for (int32_t i = 0; i < length;) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD
            ++replaced;
        } else {
            out.append(text, static_cast<size_t>(start), static_cast<size_t>(i - start));
        }
    }
    text.swap(out);
    return replaced;
}

}  // namespace verbatim
