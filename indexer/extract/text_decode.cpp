#include "indexer/extract/text_decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "analysis/normalise.h"

namespace verbatim {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// Converts with an ICU converter; malformed input becomes U+FFFD (ICU's substitution
// character for Unicode converters) and is counted.
std::string convert_to_utf8(std::string_view bytes, const char* encoding, size_t& replaced) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter* raw = ucnv_open(encoding, &status);
    if (U_FAILURE(status)) return {};
    std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(raw, ucnv_close);
    icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), conv.get(), status);
    if (U_FAILURE(status)) return {};
    std::string out;
    text.toUTF8String(out);
    // Legacy converters substitute U+001A or U+FFFD for unmapped bytes.
    replaced += static_cast<size_t>(std::count(out.begin(), out.end(), '\x1A'));
    for (size_t pos = out.find("\xEF\xBF\xBD"); pos != std::string::npos; pos = out.find("\xEF\xBF\xBD", pos + 3))
        ++replaced;
    std::replace(out.begin(), out.end(), '\x1A', ' ');
    return out;
}

// UTF-16 without a BOM: most ASCII characters leave a zero byte on one side.
const char* guess_bomless_utf16(std::string_view bytes) {
    if (bytes.size() < 4 || bytes.size() % 2 != 0) return nullptr;
    size_t even_zero = 0, odd_zero = 0;
    for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
        even_zero += bytes[i] == '\0';
        odd_zero += bytes[i + 1] == '\0';
    }
    size_t pairs = bytes.size() / 2;
    if (odd_zero * 10 > pairs * 6 && even_zero * 10 < pairs) return "UTF-16LE";
    if (even_zero * 10 > pairs * 6 && odd_zero * 10 < pairs) return "UTF-16BE";
    return nullptr;
}

// Share of bytes that are control characters no text file contains.
bool looks_binary(std::string_view bytes) {
    size_t sample = std::min<size_t>(bytes.size(), 64 * 1024), control = 0;
    for (size_t i = 0; i < sample; ++i) {
        auto c = static_cast<unsigned char>(bytes[i]);
        if (c == 0) return true;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
    }
    return control * 100 > sample * 2;
}

// Counts valid multi-byte UTF-8 sequences and invalid bytes. Legacy 8-bit text almost
// never forms a valid multi-byte sequence; UTF-8 with some damage has many.
std::pair<size_t, size_t> utf8_evidence(std::string_view bytes) {
    size_t valid = 0, invalid = 0;
    for (size_t i = 0; i < bytes.size();) {
        auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x80) { ++i; continue; }
        size_t len = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
        bool ok = len > 0 && i + len <= bytes.size();
        for (size_t k = 1; ok && k < len; ++k)
            ok = (static_cast<unsigned char>(bytes[i + k]) & 0xC0) == 0x80;
        if (ok) { ++valid; i += len; }
        else { ++invalid; ++i; }
    }
    return {valid, invalid};
}

std::string detect_legacy_encoding(std::string_view bytes) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector* raw = ucsdet_open(&status);
    if (U_FAILURE(status)) return "windows-1252";
    std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(raw, ucsdet_close);
    ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 20)), &status);
    const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
    if (U_FAILURE(status) || !match) return "windows-1252";
    std::string name = ucsdet_getName(match, &status);
    // ICU reports Latin text as ISO-8859-1 even when it uses the 0x80-0x9F range
    // (curly quotes, dashes) that only windows-1252 defines: read it as the superset.
    if (name == "ISO-8859-1" || name == "UTF-8") return "windows-1252";
    return name;
}

void normalise_newlines_and_sentinels(std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
            continue;
        }
        // U+E000 and U+E001 are reserved for footnote markers inside the pipeline.
        if (text.compare(i, 3, kFootnoteMarkOpen) == 0 || text.compare(i, 3, kFootnoteMarkClose) == 0) {
            i += 2;
            continue;
        }
        out += text[i];
    }
    text.swap(out);
}

}  // namespace

std::variant<DecodedText, Problem> decode_text(std::string_view bytes, const std::string& file) {
    if (bytes.empty()) return Problem{file, 0, "empty file, nothing to index"};
    DecodedText out;
    if (starts_with(bytes, "\xEF\xBB\xBF")) {
        out.text.assign(bytes.substr(3));
        out.encoding = "UTF-8";
        out.replaced = repair_utf8(out.text);
    } else if (starts_with(bytes, std::string_view("\xFF\xFE\0\0", 4))) {
        out.encoding = "UTF-32LE";
        out.text = convert_to_utf8(bytes.substr(4), "UTF-32LE", out.replaced);
    } else if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
        out.encoding = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
        out.text = convert_to_utf8(bytes.substr(2), out.encoding.c_str(), out.replaced);
    } else if (const char* utf16 = guess_bomless_utf16(bytes)) {
        out.encoding = utf16;
        out.text = convert_to_utf8(bytes, utf16, out.replaced);
    } else if (looks_binary(bytes)) {
        return Problem{file, 0, "binary content, not a text file"};
    } else if (is_valid_utf8(bytes)) {
        out.text.assign(bytes);
        out.encoding = "UTF-8";
    } else {
        auto [valid, invalid] = utf8_evidence(bytes);
        // A few stray bytes in ASCII text are too little to tell a legacy encoding by (and a
        // guess would turn them into plausible letters silently): read them as damaged UTF-8,
        // which is replaced and reported. A legacy text has far more: an accent or a curly
        // quote every few thousand bytes at least.
        const bool weak_legacy = invalid <= std::max<size_t>(3, bytes.size() / 10000);
        if ((valid > 0 && valid >= invalid) || weak_legacy) {  // UTF-8 with some damage: keep it, replace the bad bytes
            out.text.assign(bytes);
            out.encoding = "UTF-8";
            out.replaced = repair_utf8(out.text);
        } else {
            out.encoding = detect_legacy_encoding(bytes);
            out.text = convert_to_utf8(bytes, out.encoding.c_str(), out.replaced);
        }
    }
    normalise_newlines_and_sentinels(out.text);
    if (out.text.find_first_not_of(" \t\n\f") == std::string::npos)
        return Problem{file, 0, "no text in file, nothing to index"};
    return out;
}

}  // namespace verbatim
