// The analyser's rules per language (issue 17), on small hand-written cases: French
// elision, folding (Russian ё, Arabic letter forms, full-width forms) and the character
// bigrams of Han, Kana and Hangul runs.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analysis/analyser.h"
#include "analysis/normalise.h"
#include "model/schema.h"
#include "tests/unit/test_helpers.h"

using namespace verbatim;

using verbatim::test::terms;

namespace {

std::string gram(const std::string& s) { return schema::kCjkGram + s; }

}  // namespace

TEST_CASE("elision: the word after an elided article is the word itself; offsets cover what is written") {
    struct Case {
        const char* text;
        std::vector<std::string> terms;
    };
    for (const Case& c : std::initializer_list<Case>{
             {"l'usage insensé de la force par l'Azerbaïdjan",
              {"usage", "insense", "de", "la", "force", "par", "azerbaidjan"}},
             {"l\xE2\x80\x99organisation des travaux", {"organisation", "des", "travaux"}},  // ’
             {"L'Organisation", {"organisation"}},
             {"d'autres qu'il n'est s'il j'ai m'a t'a c'est", {"autres", "il", "est", "il", "ai", "a", "a", "est"}},
             {"jusqu'au lorsqu'elle puisqu'on quoiqu'il", {"au", "elle", "on", "il"}},
             {"la place dell'Acqua", {"la", "place", "acqua"}},
             // Not elisions: an apostrophe inside a word, an unknown prefix, a possessive.
             {"aujourd'hui O'Brien State's", {"aujourd'hui", "o'brien", "state's"}},
         }) {
        CAPTURE(c.text);
        CHECK(terms(Analyser("fr").tokenize(c.text)) == c.terms);
    }
    const std::string text = "par l'Azerbaïdjan";
    std::vector<Token> tokens = Analyser("fr").tokenize(text);
    REQUIRE(tokens.size() == 2);
    CHECK(text.substr(tokens[1].start, tokens[1].end - tokens[1].start) == "l'Azerbaïdjan");
    CHECK(tokens[1].position == 2);
    // Within a compound the article goes too.
    CHECK(terms(Analyser("fr").tokenize("l'avant-projet")) == std::vector<std::string>{"avant", "projet", "avantprojet"});
    CHECK(elided_prefix_length("qu'il") == 3);
    CHECK(elided_prefix_length("l'") == 0);
    CHECK(elided_prefix_length("usage") == 0);
}

TEST_CASE("folding: ё as е, Arabic letter forms, full-width forms") {
    struct Case {
        const char* in;
        const char* out;
    };
    for (Case c : std::initializer_list<Case>{
             {"Кишинёве", "кишиневе"},
             {"ЁЛКА", "елка"},
             {"йод", "йод"},                          // й keeps its breve
             {"أحمد", "احمد"},                        // alef with hamza above
             {"إسرائيل", "اسرائيل"},                  // alef with hamza below
             {"آسيا", "اسيا"},                        // alef with madda
             {"مُنَظَّمَة", "منظمه"},                     // tashkeel; final ta marbuta
             {"منظمه", "منظمه"},
             {"ـــالأمـــم", "الامم"},                 // tatweel
             {"مصطفى", "مصطفي"},                      // alef maqsura
             {"ةمد", "ةمد"},                          // ta marbuta not at the end stays
             {"ＵＮＩＣＥＦ", "unicef"},              // full-width Latin
             {"２０１５", "2015"},                    // full-width digits
             {"sécurité", "securite"},
             {"niños", "ninos"},
         }) {
        std::string shown = c.in;
        CAPTURE(shown);
        CHECK(fold_word(c.in) == c.out);
    }
}

TEST_CASE("CJK runs: every character and every overlapping bigram, in a sequence of their own") {
    Analyser zh("zh");
    // Indexed: each character at its place, with the bigram that starts there.
    std::vector<Token> grams = Analyser::cjk_grams(zh.tokenize("本届会议"), false);
    CHECK(terms(grams) == std::vector<std::string>{gram("本"), gram("本届"), gram("届"), gram("届会"), gram("会"),
                                                   gram("会议"), gram("议")});
    CHECK(grams[1].position == 1);
    CHECK(grams[2].position == 2);
    CHECK(grams[6].position == 4);
    // Other words keep their place; punctuation ends a run.
    std::vector<Token> mixed = Analyser::cjk_grams(zh.tokenize("第7439次会，ＵＮ"), false);
    CHECK(terms(mixed) == std::vector<std::string>{gram("第"), gram("7439"), gram("次"), gram("次会"), gram("会"),
                                                   gram("un")});
    CHECK(mixed[1].position == 2);
    CHECK(mixed[5].position == 5);
    // A query: the bigrams only, one character alone, and the last character of a run
    // that more follows.
    CHECK(terms(Analyser::cjk_grams(zh.tokenize("届会议工作"), true)) ==
          std::vector<std::string>{gram("届会"), gram("会议"), gram("议工"), gram("工作")});
    CHECK(terms(Analyser::cjk_grams(zh.tokenize("届"), true)) == std::vector<std::string>{gram("届")});
    std::vector<Token> q = Analyser::cjk_grams(zh.tokenize("斩首、用十"), true);
    CHECK(terms(q) == std::vector<std::string>{gram("斩首"), gram("首"), gram("用十")});
    CHECK(q[2].position == 3);
    // Kana and Hangul too; text without them has no grams.
    CHECK(terms(Analyser::cjk_grams(zh.tokenize("カタカナ"), true)) ==
          std::vector<std::string>{gram("カタ"), gram("タカ"), gram("カナ")});
    CHECK(terms(Analyser::cjk_grams(zh.tokenize("유엔"), true)) == std::vector<std::string>{gram("유엔")});
    CHECK(Analyser::cjk_grams(zh.tokenize("the United Nations 2015"), false).empty());
}
