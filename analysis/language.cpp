#include "analysis/language.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>

#include "vocabulary/text.h"

namespace verbatim {

namespace {

enum Latin { kEn, kFr, kEs, kLatinCount };
using Scores = std::array<double, kLatinCount>;

Script script_of(UChar32 c) {
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? Script::latin : Script::none;
    if (!u_isalpha(c)) return Script::none;
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(c, &status)) {
        case USCRIPT_LATIN: return Script::latin;
        case USCRIPT_ARABIC: return Script::arabic;
        case USCRIPT_CYRILLIC: return Script::cyrillic;
        case USCRIPT_HAN: return Script::han;
        default: return Script::other;
    }
}

// Words that are frequent in one Latin UN language and rare in the other two.
// Words shared by two of them (de, la, en, que, un, a, son, no) say nothing and are
// left out.
const std::unordered_map<std::string, Scores>& function_words() {
    static const std::unordered_map<std::string, Scores> kWords = [] {
        std::unordered_map<std::string, Scores> m;
        auto add = [&](Latin lang, std::initializer_list<const char*> words) {
            for (const char* w : words) m[w][lang] += 1.0;
        };
        add(kEn, {"the", "of", "and", "to", "in", "is", "that", "for", "with", "by", "as", "be", "are",
                  "was", "were", "which", "this", "these", "those", "has", "have", "had", "it", "its",
                  "from", "at", "an", "their", "they", "or", "been", "would", "should", "also", "who",
                  "will", "not", "all", "other", "such", "into", "there", "than", "any", "our", "we",
                  "must", "shall", "being", "between", "under", "within", "including", "through",
                  "he", "she", "his", "her", "can", "may", "more", "on", "upon", "further"});
        add(kFr, {"le", "les", "des", "du", "et", "une", "est", "qui", "dans", "pour", "sur", "par",
                  "au", "aux", "avec", "sont", "ont", "ne", "pas", "cette", "ces", "été", "être",
                  "sa", "ses", "leur", "leurs", "il", "elle", "ils", "nous", "vous", "mais", "ou",
                  "où", "plus", "tout", "tous", "toutes", "aussi", "sans", "sous", "lors", "afin",
                  "ainsi", "très", "dont", "même", "autres", "fait", "peut", "selon", "chez",
                  "depuis", "notamment", "ce", "avait", "était", "également", "auprès"});
        add(kEs, {"el", "los", "las", "del", "y", "por", "con", "para", "una", "es", "al", "lo",
                  "como", "más", "su", "sus", "sobre", "ha", "han", "este", "esta", "estos", "estas",
                  "ese", "esa", "también", "pero", "fue", "ser", "sido", "está", "están", "hay", "muy",
                  "sin", "otros", "otras", "según", "desde", "cuando", "donde", "mediante", "dicho",
                  "ya", "había", "así", "cual", "cuales", "respecto", "asimismo", "e"});
        // Months and week days: dates head many short UN lines.
        add(kEn, {"january", "february", "march", "april", "june", "july", "august", "october",
                  "december", "monday", "tuesday", "wednesday", "thursday", "friday"});
        add(kFr, {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                  "octobre", "décembre", "lundi", "mardi", "mercredi", "jeudi", "vendredi"});
        add(kEs, {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                  "octubre", "noviembre", "diciembre", "lunes", "martes", "miércoles", "jueves",
                  "viernes"});
        // Shared by French and Spanish: not English, without saying which.
        for (const char* w : {"de", "la", "en", "que", "un", "se"}) m[w] = Scores{0, 0.5, 0.5};
        return m;
    }();
    return kWords;
}

bool ends_with(const std::string& s, std::string_view end) {
    return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

bool starts_with(const std::string& s, std::string_view start) { return s.rfind(start, 0) == 0; }

// Evidence of one lower-cased Latin word: function words, elisions, endings, letters.
void score_word(const std::string& word, Scores& scores) {
    const auto& words = function_words();
    if (auto it = words.find(word); it != words.end()) {
        for (int l = 0; l < kLatinCount; ++l) scores[static_cast<size_t>(l)] += it->second[static_cast<size_t>(l)];
        return;
    }
    // French elision: l'État, d'autres, qu'il, n'a, s'est.
    for (std::string_view e : {"l'", "d'", "qu'", "n'", "s'", "j'", "c'", "m'", "jusqu'"})
        if (starts_with(word, e) && word.size() > e.size()) {
            scores[kFr] += 1.5;
            return;
        }
    if (ends_with(word, "'s")) scores[kEn] += 1;
    const size_t n = word.size();
    if (n >= 6 && (ends_with(word, "ciones") || ends_with(word, "siones"))) scores[kEs] += 1.5;
    if (n >= 6 && (ends_with(word, "ción") || ends_with(word, "sión"))) scores[kEs] += 1;
    if (n >= 5 && (ends_with(word, "dad") || ends_with(word, "dades"))) scores[kEs] += 1;
    if (n >= 6 && (ends_with(word, "mente"))) scores[kEs] += 0.5;
    if (n >= 5 && (ends_with(word, "ados") || ends_with(word, "adas"))) scores[kEs] += 0.5;
    if (n >= 4 && (ends_with(word, "os") || ends_with(word, "o"))) scores[kEs] += 0.3;
    if (n >= 5 && ends_with(word, "ing")) scores[kEn] += 1;
    if (n >= 5 && ends_with(word, "ly")) scores[kEn] += 0.5;
    if (n >= 5 && ends_with(word, "ed")) scores[kEn] += 0.3;
    if (n >= 4 && (ends_with(word, "eux") || ends_with(word, "aient") || ends_with(word, "ait"))) scores[kFr] += 1;
    if (n >= 4 && ends_with(word, "eurs")) scores[kFr] += 0.5;
    if (word.find("th") != std::string::npos) scores[kEn] += 0.5;
    if (word.find('w') != std::string::npos) scores[kEn] += 0.5;
}

// Evidence of one non-ASCII Latin letter (lower case).
void score_letter(UChar32 c, Scores& scores) {
    switch (c) {
        case 0xF1: scores[kEs] += 2; break;                       // ñ
        case 0xE1: case 0xED: case 0xF3: case 0xFA: scores[kEs] += 1; break;  // á í ó ú
        case 0xE9: scores[kFr] += 0.6; scores[kEs] += 0.2; break;  // é
        case 0xE8: case 0xEA: case 0xE0: case 0xE7: case 0xF9:     // è ê à ç ù
        case 0xE2: case 0xEE: case 0xF4: case 0xFB: case 0xEF:     // â î ô û ï
            scores[kFr] += 1; break;
        case 0x153: scores[kFr] += 2; break;                       // œ
        default: break;
    }
}

}  // namespace

bool LanguageGuess::sure() const {
    if (lang.empty()) return false;
    if (script != Script::latin) return true;
    return score >= 2 && score >= 2 * runner_up + 0.5;
}

std::string language_of_script(Script script) {
    switch (script) {
        case Script::arabic: return "ar";
        case Script::cyrillic: return "ru";
        case Script::han: return "zh";
        default: return "";
    }
}

Script dominant_script(std::string_view text) {
    // A Han character carries about as much as a short word; count it thrice.
    double latin = 0, arabic = 0, cyrillic = 0, han = 0, other = 0;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(s, i, length, c);
        switch (script_of(c)) {
            case Script::latin: latin += 1; break;
            case Script::arabic: arabic += 1; break;
            case Script::cyrillic: cyrillic += 1; break;
            case Script::han: han += 3; break;
            case Script::other: other += 1; break;
            case Script::none: break;
        }
    }
    std::pair<double, Script> best{0, Script::none};
    for (auto candidate : {std::pair{latin, Script::latin}, std::pair{arabic, Script::arabic},
                           std::pair{cyrillic, Script::cyrillic}, std::pair{han, Script::han},
                           std::pair{other, Script::other}})
        if (candidate.first > best.first) best = candidate;
    return best.second;
}

LanguageGuess detect_language(std::string_view text, size_t max_bytes) {
    if (text.size() > max_bytes) {
        text = text.substr(0, vocabulary::char_start(text, max_bytes));  // whole characters
    }
    LanguageGuess guess;
    guess.script = dominant_script(text);
    if (guess.script == Script::none) return guess;
    if (guess.script != Script::latin) {
        guess.lang = language_of_script(guess.script);
        guess.score = 1;
        return guess;
    }
    // Latin: score the words, lower-cased, apostrophes kept inside a word.
    Scores scores{};
    std::string word;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i <= length;) {
        UChar32 c = -1;
        if (i < length) U8_NEXT(s, i, length, c);
        else ++i;
        if (c >= 0 && script_of(c) == Script::latin) {
            UChar32 lower = c < 0x80 ? (c | 0x20) : u_tolower(c);
            if (lower >= 0x80) score_letter(lower, scores);
            vocabulary::append_utf8(word, lower);
            continue;
        }
        if ((c == '\'' || c == 0x2019) && !word.empty()) {
            word += '\'';
            continue;
        }
        if (c == 0xBF || c == 0xA1) scores[kEs] += 2;  // ¿ ¡
        if (!word.empty()) {
            if (word.back() == '\'') word.pop_back();
            score_word(word, scores);
            word.clear();
        }
    }
    size_t best = 0;
    for (size_t l = 1; l < kLatinCount; ++l)
        if (scores[l] > scores[best]) best = l;
    double second = 0;
    for (size_t l = 0; l < kLatinCount; ++l)
        if (l != best && scores[l] > second) second = scores[l];
    guess.lang = kLatinLanguages[best];
    guess.score = scores[best];
    guess.runner_up = second;
    return guess;
}

std::string word_language(std::string_view word, const std::string& passage_lang) {
    std::string lang = language_of_script(dominant_script(word));
    return lang.empty() ? passage_lang : lang;
}

std::string analysis_language(std::string_view text, const std::string& fallback) {
    LanguageGuess guess = detect_language(text);
    return guess.sure() && !guess.lang.empty() ? guess.lang : fallback;
}

}  // namespace verbatim
