// Deciding what to OCR and in which language (see ocr_choice.h).
#include "indexer/extract/ocr_choice.h"

#include "vocabulary/ascii.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string_view>
#include <vector>

#include "vocabulary/text.h"

namespace verbatim {
namespace {

namespace fs = std::filesystem;

enum class Script { none, latin, cyrillic, greek, arabic, hebrew, han, kana, hangul, other };

// The characters of a word; U+FFFD for a malformed sequence.
std::vector<std::uint32_t> chars_of(std::string_view s) {
    const std::vector<UChar32> cps = vocabulary::code_points(s);
    return {cps.begin(), cps.end()};
}

Script script_of(std::uint32_t c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return Script::latin;
    if (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) return Script::latin;
    if (c >= 0x1E00 && c <= 0x1EFF) return Script::latin;
    if (c >= 0x370 && c <= 0x3FF) return Script::greek;
    if (c >= 0x400 && c <= 0x52F) return Script::cyrillic;
    if (c >= 0x5D0 && c <= 0x5EA) return Script::hebrew;
    if ((c >= 0x620 && c <= 0x64A) || (c >= 0x671 && c <= 0x6D3) || (c >= 0xFB50 && c <= 0xFDFF) ||
        (c >= 0xFE70 && c <= 0xFEFC))
        return Script::arabic;
    if ((c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF)) return Script::han;
    if (c >= 0x3040 && c <= 0x30FF) return Script::kana;
    if (c >= 0xAC00 && c <= 0xD7A3) return Script::hangul;
    return Script::none;
}

// Marks inside Arabic words (harakat) and combining accents belong to the word.
bool is_mark(std::uint32_t c) { return (c >= 0x300 && c <= 0x36F) || (c >= 0x64B && c <= 0x670); }

bool is_vowel(std::uint32_t c) {
    static const std::u32string_view vowels =
        U"aeiouyAEIOUYàáâãäåæèéêëìíîïòóôõöøùúûüýÿœÀÁÂÃÄÅÆÈÉÊËÌÍÎÏÒÓÔÕÖØÙÚÛÜÝŒ"
        U"аеёиоуыэюяАЕЁИОУЫЭЮЯіїєІЇЄ";
    return vowels.find(static_cast<char32_t>(c)) != std::u32string_view::npos;
}

bool is_punctuation(std::uint32_t c) {
    static const std::u32string_view marks = U".,;:!?'\"()[]-/«»“”‘’„…–—*%";
    return marks.find(static_cast<char32_t>(c)) != std::u32string_view::npos || (c >= '0' && c <= '9');
}

enum class Token { no_letters, word, garbage };

Token judge(std::string_view token) {
    Script script = Script::none;
    bool vowel = false, letters = false;
    // Punctuation may open and close a word; inside it only letters of one script.
    bool trailing = false;
    const std::vector<std::uint32_t> chars = chars_of(token);
    for (const std::uint32_t c : chars) {
        if (c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF) || c < 0x20) return Token::garbage;
        const Script s = script_of(c);
        if (s == Script::none) {
            if (is_mark(c) && letters && !trailing) continue;
            if (!is_punctuation(c)) return letters ? Token::garbage : Token::no_letters;
            if (letters) trailing = true;
            continue;
        }
        if (trailing) return Token::garbage;  // letters after punctuation inside: "ab.cd", "x(y"
        if (letters && s != script) return Token::garbage;
        script = s;
        letters = true;
        vowel = vowel || is_vowel(c);
    }
    if (!letters) return Token::no_letters;
    const bool needs_vowel = script == Script::latin || script == Script::cyrillic;
    // One-letter words ("a", "y", "à") and abbreviations in capitals ("UNODC") are words.
    if (needs_vowel && !vowel) {
        std::size_t count = 0;
        bool upper = true;
        for (const std::uint32_t c : chars) {
            if (script_of(c) == Script::none) continue;
            ++count;
            upper = upper && ((c >= 'A' && c <= 'Z') || (c >= 0x410 && c <= 0x42F));
        }
        return count <= 1 || upper ? Token::word : Token::garbage;
    }
    return Token::word;
}

}  // namespace

double word_like_share(const std::vector<PositionedWord>& words) {
    int judged = 0, good = 0;
    for (const PositionedWord& word : words)
        for (std::string_view token : vocabulary::split_on_spaces(word.text)) {
            const Token t = judge(token);
            if (t == Token::no_letters) continue;
            ++judged;
            if (t == Token::word) ++good;
        }
    return judged < kMinTokensToJudge ? 1.0 : static_cast<double>(good) / judged;
}

bool page_needs_ocr(const PageWords& page) {
    return page.words.empty() || word_like_share(page.words) < kMinWordLikeShare;
}

std::string tesseract_language(const std::string& code) {
    static const std::map<std::string, std::string> names = {
        {"en", "eng"}, {"fr", "fra"}, {"es", "spa"}, {"ru", "rus"}, {"ar", "ara"}, {"zh", "chi_sim"},
        {"de", "deu"}, {"pt", "por"}, {"it", "ita"}};
    const std::string lower = vocabulary::ascii_lower(code);
    if (auto it = names.find(lower); it != names.end()) return it->second;
    for (const auto& [iso, tess] : names)
        if (tess == lower) return tess;
    if (lower == "chi-sim") return "chi_sim";
    return "";
}

std::string language_from_file_name(const fs::path& file) {
    const std::string stem = file.stem().string();
    // The last part after '.', '_' or '-': "report.ru", "A_HRC_1_ru", "x-FR".
    const std::size_t cut = stem.find_last_of("._-");
    if (cut == std::string::npos) return "";
    const std::string tail = stem.substr(cut + 1);
    if (tail.size() != 2) return "";
    return tesseract_language(tail);
}

std::string language_from_text(const std::vector<PageWords>& pages) {
    std::map<Script, int> letters;
    std::map<std::string, int> counts;
    for (const PageWords& page : pages) {
        if (page_needs_ocr(page)) continue;
        for (const PositionedWord& word : page.words) {
            for (const std::uint32_t c : chars_of(word.text)) ++letters[script_of(c)];
            ++counts[vocabulary::ascii_lower(word.text)];
        }
    }
    letters.erase(Script::none);
    if (letters.empty()) return "";
    const auto top = std::max_element(letters.begin(), letters.end(),
                                      [](const auto& a, const auto& b) { return a.second < b.second; });
    if (top->second < 50) return "";
    switch (top->first) {
        case Script::cyrillic: return "rus";
        case Script::arabic: return "ara";
        case Script::han: return "chi_sim";
        case Script::latin: break;
        default: return "";
    }
    const auto score = [&](std::initializer_list<const char*> words) {
        int n = 0;
        for (const char* w : words)
            if (auto it = counts.find(w); it != counts.end()) n += it->second;
        return n;
    };
    const int en = score({"the", "of", "and", "to", "in", "is", "that", "for"});
    const int fr = score({"le", "la", "les", "des", "et", "du", "est", "une", "pour"});
    const int es = score({"el", "los", "las", "del", "y", "que", "por", "una", "con"});
    if (fr > en && fr > es) return "fra";
    if (es > en && es > fr) return "spa";
    return "eng";
}

std::string language_for_script(const std::string& script) {
    if (script == "Cyrillic") return "rus";
    if (script == "Arabic") return "ara";
    if (script == "Han" || script == "HanS") return "chi_sim";
    if (script == "Latin") return "eng";
    return "";
}

fs::path tessdata_folder(std::string_view prefix) {
    if (!prefix.empty()) return fs::path(prefix);
    for (const char* folder : {"/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata"})
        if (std::error_code ec; fs::is_directory(folder, ec)) return folder;
    return "/usr/share/tesseract-ocr/5/tessdata";
}

std::vector<std::string> missing_languages(const std::string& languages, const fs::path& tessdata) {
    std::vector<std::string> missing;
    std::size_t start = 0;
    while (start <= languages.size()) {
        std::size_t end = languages.find('+', start);
        if (end == std::string::npos) end = languages.size();
        const std::string name = languages.substr(start, end - start);
        std::error_code ec;
        if (!name.empty() && !fs::exists(tessdata / (name + ".traineddata"), ec)) missing.push_back(name);
        start = end + 1;
    }
    return missing;
}

std::string missing_language_message(const std::vector<std::string>& missing) {
    std::string names, packages;
    for (const std::string& name : missing) {
        std::string package = "tesseract-ocr-" + name;
        std::replace(package.begin(), package.end(), '_', '-');
        names += (names.empty() ? "" : ", ") + name;
        packages += (packages.empty() ? "" : " ") + package;
    }
    return "OCR language data " + names + " is not installed (install the Debian package" +
           (missing.size() == 1 ? " " : "s ") + packages + ", or give another --ocr-lang)";
}

}  // namespace verbatim
