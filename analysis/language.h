// Which of the six UN languages a text is written in. The script decides Arabic,
// Chinese and Russian; Latin-script text is scored for English, French and Spanish by
// function words, diacritics and endings. No model files: the evidence is a few short
// tables, so detection is cheap enough to run on every document.
#pragma once

#include <string>
#include <string_view>

namespace verbatim {

// The script that carries most of the letters of a text.
enum class Script { none, latin, arabic, cyrillic, han, other };

Script dominant_script(std::string_view text);

// The language a script implies on its own: ar, ru, zh; empty for Latin and the rest.
std::string language_of_script(Script script);

struct LanguageGuess {
    std::string lang;       // ar, zh, ru, en, fr, es; empty when the text has no letters
    Script script = Script::none;
    double score = 0;       // evidence for `lang` (Latin scoring; 1 for a script decision)
    double runner_up = 0;   // evidence for the next Latin language
    // True when the evidence is clear: a script that decides, or a Latin score well
    // ahead of the others. A short Latin query is usually not sure.
    bool sure() const;
};

// Detects the language of `text` (a document, a unit or a query). Reads at most
// `max_bytes` of it: a few pages say as much as a whole report.
LanguageGuess detect_language(std::string_view text, size_t max_bytes = 64 * 1024);

// The language a passage's words are analysed (stemmed) in: its own when it is detected
// with certainty (a French paragraph quoted in an English report), else `fallback`, its
// document's. The writer and text reuse (agreed, cite --quote) both decide by it.
std::string analysis_language(std::string_view text, const std::string& fallback);

// The language a word is stemmed in: the one its script implies (ru, ar, zh), else
// `passage_lang`, the language of the passage it stands in.
std::string word_language(std::string_view word, const std::string& passage_lang);

// The three Latin-script UN languages, in the order their stems are tried.
inline constexpr const char* kLatinLanguages[] = {"en", "fr", "es"};

}  // namespace verbatim
