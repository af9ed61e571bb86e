// The one analyser: ICU word segmentation + fold_word + Snowball stemming.
// Indexing and query parsing both call Analyser::tokenize, so they cannot disagree.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace verbatim {

// A token is a plain value. Offsets point into the text that was analysed and are
// never changed by normalisation, so a hit can always be highlighted in the source.
struct Token {
    enum class Role {
        word,      // an ordinary word
        part,      // one part of a hyphenated compound ("non" in "non-punishment")
        joined,    // the compound written as one word ("nonpunishment"); shares the
                   // position of the compound's last part
    };
    std::string term;          // folded form: "sanchez", "punishment"
    size_t start = 0, end = 0; // byte offsets into the analysed text
    Xapian::termpos position = 0;  // 1-based, consecutive for successive words
    Role role = Role::word;
    bool has_letters = false;  // false for pure numbers
};

class Analyser {
  public:
    // `lang` is an ISO 639-1 code; it selects the stemmer ("en" -> english).
    explicit Analyser(const std::string& lang = "en");
    ~Analyser();
    Analyser(Analyser&&) noexcept;
    Analyser& operator=(Analyser&&) noexcept;

    // The tokens of `text` in order. Not thread-safe: use one Analyser per thread.
    std::vector<Token> tokenize(std::string_view text) const;

    // The stemmed form of a folded term (the term itself for numbers). Remembered (a
    // text repeats its words; at most 65,536 are kept). Not thread-safe (neither is
    // Xapian::Stem): one Analyser per thread.
    std::string stem(const std::string& term) const;

    // The stems a query word may have been indexed under: its stem and, for Arabic,
    // the stem of the word with (or without) the article ال. The Snowball Arabic
    // stemmer reads a noun without the article as a possible verb, so "عقوبات" stems
    // to "عقوبا" but "العقوبات" to "عقوب"; a query word must meet both.
    std::vector<std::string> query_stems(const std::string& term) const;

    const std::string& lang() const { return lang_; }

    // Han, Hiragana, Katakana and Hangul runs as overlapping character bigrams, beside each
    // character alone (schema::kCjkGram terms), so that any substring of two or more
    // characters is a phrase of bigrams and one character a term, wherever the
    // dictionary put its word boundaries ("届会议工作" inside "本届会议工作安排"). The
    // other words of `tokens` (from tokenize(text)) keep their place in this sequence, so
    // "第7439次会" is a phrase too. Positions are the sequence's own (1-based). For a
    // query, each run gives only its bigrams, and a run of one character, or the last
    // character of a run that is followed by more, that character. Empty when the text
    // has none of these scripts.
    static std::vector<Token> cjk_grams(const std::vector<Token>& tokens, bool query);

    // Longest word that is indexed, in bytes; longer runs are not words.
    static constexpr size_t kMaxTermBytes = 64;

  private:
    std::string lang_;
    Xapian::Stem stemmer_;
    mutable std::unordered_map<std::string, std::string> stems_;  // bounded: cleared when full
    std::unique_ptr<icu::BreakIterator> words_;
};

// Name of the Snowball stemmer for an ISO 639-1 code, or "none".
std::string stemmer_name(const std::string& lang);

}  // namespace verbatim
