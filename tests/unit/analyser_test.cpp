#include <doctest/doctest.h>

#include <algorithm>

#include "analysis/analyser.h"
#include "analysis/normalise.h"
#include "tests/unit/test_helpers.h"

using namespace verbatim;
using verbatim::test::terms;

TEST_CASE("fold_word folds case, Latin diacritics, ligatures and apostrophes") {
    struct Case {
        const char* in;
        const char* out;
    };
    for (Case c : std::initializer_list<Case>{
             {"Sánchez", "sanchez"},
             {"FERNÁNDEZ", "fernandez"},
             {"\xEF\xAC\x81nancial", "financial"},          // ﬁ ligature
             {"State\xE2\x80\x99s", "state's"},             // curly apostrophe
             {"Stra\xC3\x9F" "e", "strasse"},               // ß case-folds to ss
             {"\xD0\x99\xD0\x9E\xD0\x93", "\xD0\xB9\xD0\xBE\xD0\xB3"},  // ЙОГ -> йог: й keeps its breve
             {"victim", "victim"},
         }) {
        std::string shown = c.in;
        CAPTURE(shown);
        CHECK(fold_word(c.in) == c.out);
    }
}

TEST_CASE("tokens keep byte offsets into the original text") {
    Analyser a("en");
    std::string text = "Ms. Sánchez Fernández described";
    auto tokens = a.tokenize(text);
    REQUIRE(tokens.size() == 4);
    CHECK(tokens[1].term == "sanchez");
    CHECK(text.substr(tokens[1].start, tokens[1].end - tokens[1].start) == "Sánchez");
    CHECK(tokens[3].position == 4);
}

TEST_CASE("hyphenated compounds give their parts and the joined word") {
    Analyser a("en");
    auto tokens = a.tokenize("the non-punishment principle");
    CHECK(terms(tokens) == std::vector<std::string>{"the", "non", "punishment", "nonpunishment", "principle"});
    CHECK(tokens[1].role == Token::Role::part);
    CHECK(tokens[3].role == Token::Role::joined);
    CHECK(tokens[3].position == tokens[2].position);  // the joined word sits at the last part
    CHECK(tokens[4].position == tokens[2].position + 1);

    // Three parts join into one word too.
    auto three = terms(a.tokenize("state-of-the-art"));
    CHECK(std::find(three.begin(), three.end(), "stateoftheart") != three.end());

    // A hyphen followed by a space is not a compound ("age- and gender-sensitive").
    auto spaced = terms(a.tokenize("age- and gender-sensitive"));
    CHECK(std::find(spaced.begin(), spaced.end(), "ageand") == spaced.end());
    CHECK(std::find(spaced.begin(), spaced.end(), "gendersensitive") != spaced.end());

    // Number ranges are not compounds.
    auto years = terms(a.tokenize("2012-2017"));
    CHECK(std::find(years.begin(), years.end(), "20122017") == years.end());
}

TEST_CASE("punctuation and spaces are not tokens; odd spaces separate words") {
    Analyser a("en");
    CHECK(terms(a.tokenize("victims,\xC2\xA0survivors; (and) others.")) ==
          std::vector<std::string>{"victims", "survivors", "and", "others"});
    CHECK(a.tokenize("").empty());
    CHECK(a.tokenize(" ... ").empty());
}

TEST_CASE("English stemming meets singular and plural") {
    Analyser a("en");
    CHECK(a.stem("victims") == a.stem("victim"));
    CHECK(a.stem("trafficking") == a.stem("trafficked"));
    CHECK(stemmer_name("en") == "english");
    CHECK(stemmer_name("zh") == "none");
}

TEST_CASE("very long runs are not indexed as words") {
    Analyser a("en");
    std::string junk(200, 'x');
    CHECK(terms(a.tokenize("before " + junk + " after")) == std::vector<std::string>{"before", "after"});
}

TEST_CASE("UTF-8 repair replaces invalid bytes") {
    std::string s = "ab\xFF" "cd\xC3";
    CHECK_FALSE(is_valid_utf8(s));
    CHECK(repair_utf8(s) == 2);
    CHECK(s == "ab\xEF\xBF\xBD" "cd\xEF\xBF\xBD");
    CHECK(is_valid_utf8(s));
}
