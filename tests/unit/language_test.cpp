// The six UN languages: detection, segmentation, normalisation and stemming, on
// real UN text (the UN Parallel Corpus test and dev sets, from outside: ../shared/ext or
// $VERBATIM_REAL_DOCS, skipped when absent) and on the pitfalls of each script.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>

#include "analysis/analyser.h"
#include "analysis/language.h"
#include "analysis/normalise.h"
#include "tests/real_docs.h"
#include "tests/unit/test_helpers.h"

using namespace verbatim;

using verbatim::test::terms;

namespace {

const char* const kLanguages[] = {"ar", "en", "es", "fr", "ru", "zh"};
std::filesystem::path unpc_sets() {
    const std::filesystem::path p = testing::real_doc("unpc-v1.0-testsets/testset/UNv1.0.testset.en",
                                                      "language detection on the real UN Parallel Corpus sets");
    return p.empty() ? p : p.parent_path().parent_path();
}

std::vector<std::string> read_lines(const std::filesystem::path& path, size_t max = SIZE_MAX) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string line; lines.size() < max && std::getline(in, line);) lines.push_back(line);
    return lines;
}

// Detects every line of a set's file in `lang` and the whole file; checks both.
void check_detection(const std::filesystem::path& file, const std::string& lang, size_t max_lines = SIZE_MAX) {
    std::vector<std::string> lines = read_lines(file, max_lines);
    REQUIRE(!lines.empty());
    std::string all;
    size_t right = 0;
    std::map<std::string, int> wrong;
    for (const std::string& line : lines) {
        all += line + "\n";
        LanguageGuess g = detect_language(line);
        if (g.lang == lang) ++right;
        else ++wrong[g.lang];
    }
    CAPTURE(file.string());
    CHECK(detect_language(all, all.size()).lang == lang);
    CHECK(detect_language(all).lang == lang);  // the default sample (first 64 KB)
    // Script decides ar/ru/zh; en/fr/es lines fail only when a line is a bare name or
    // heading with no evidence ("Tableau 2", "Achim Kassow (Allemagne)").
    double share = static_cast<double>(right) / static_cast<double>(lines.size());
    std::string errors;
    for (const auto& [l, n] : wrong) errors += (l.empty() ? "none" : l) + ":" + std::to_string(n) + " ";
    CAPTURE(errors);
    CHECK(share >= (lang == "en" || lang == "fr" || lang == "es" ? 0.95 : 0.99));
}

}  // namespace

TEST_CASE("language detection: the first 200 sentences of each language, whole and line by line" *
          doctest::skip(unpc_sets().empty())) {
    for (const char* lang : kLanguages)
        check_detection(unpc_sets() / "testset" / (std::string("UNv1.0.testset.") + lang), lang, 200);
}

TEST_CASE("language detection: the full UN Parallel Corpus test and dev sets" * doctest::skip(unpc_sets().empty())) {
    for (const char* set : {"testset", "devset"})
        for (const char* lang : kLanguages)
            check_detection(unpc_sets() / set / (std::string("UNv1.0.") + set + "." + lang), lang);
}

TEST_CASE("language detection: script, evidence and certainty") {
    CHECK(dominant_script("Совет Безопасности UNAMID") == Script::cyrillic);
    CHECK(dominant_script("第7439次会议 UNICEF") == Script::han);
    CHECK(dominant_script("الأمم المتحدة (UNAMID)") == Script::arabic);
    CHECK(dominant_script("2015, 12.") == Script::none);
    CHECK(detect_language("2015, 12.").lang.empty());
    CHECK_FALSE(detect_language("").sure());

    CHECK(detect_language("sanción").lang == "es");
    CHECK(detect_language("sanción").sure());
    CHECK(detect_language("l'État et les châtiments").lang == "fr");
    CHECK(detect_language("the punishment of the victims").sure());
    // One bare word is not enough to tell English, French and Spanish apart.
    CHECK_FALSE(detect_language("sanctions").sure());
    CHECK_FALSE(detect_language("UNICEF").sure());
    CHECK(detect_language("наказание").sure());
}

TEST_CASE("segmentation: ICU words in every script, with offsets into the original") {
    Analyser zh("zh");
    // Dictionary segmentation: words, not characters.
    CHECK(terms(zh.tokenize("令人发指的惩罚")) == std::vector<std::string>{"令人", "发", "指", "的", "惩罚"});
    CHECK(terms(zh.tokenize("安全理事会第7439次会议")) ==
          std::vector<std::string>{"安全", "理事", "会", "第", "7439", "次", "会议"});
    // A window of words segments alone as it does inside its sentence, so a query of
    // several words meets the indexed words at consecutive positions.
    const std::string sentence = "伊黎伊斯兰国自己发布视频，描述人们受到一系列令人发指的惩罚，包括投掷石块。";
    std::vector<Token> in_sentence = zh.tokenize(sentence);
    std::vector<std::string> window;
    for (const Token& t : in_sentence)
        if (t.term == "一系列" || t.term == "令人" || t.term == "发" || t.term == "指") window.push_back(t.term);
    CHECK(terms(zh.tokenize("一系列令人发指")) == window);
    auto punishment = std::find_if(in_sentence.begin(), in_sentence.end(), [](const Token& t) { return t.term == "惩罚"; });
    REQUIRE(punishment != in_sentence.end());
    CHECK(sentence.substr(punishment->start, punishment->end - punishment->start) == "惩罚");

    Analyser ar("ar");
    const std::string arabic = "وقد نشر التنظيم نفسه أشرطة فيديو";
    std::vector<Token> ar_tokens = ar.tokenize(arabic);
    REQUIRE(ar_tokens.size() == 6);
    CHECK(arabic.substr(ar_tokens[4].start, ar_tokens[4].end - ar_tokens[4].start) == "أشرطة");  // shown as written
    CHECK(ar_tokens[4].term == "اشرطه");                                                         // matched folded

    Analyser ru("ru");
    CHECK(terms(ru.tokenize("Совет Безопасности, состоявшееся 11 мая")) ==
          std::vector<std::string>{"совет", "безопасности", "состоявшееся", "11", "мая"});
}

TEST_CASE("normalisation: Arabic alef forms, tashkeel, tatweel, yaa; ta marbuta as ha at the end") {
    struct Case {
        const char* in;
        const char* out;
    };
    for (Case c : std::initializer_list<Case>{
             {"أمم", "امم"},                  // alef with hamza above
             {"إعلان", "اعلان"},              // alef with hamza below
             {"آثار", "اثار"},                // alef with madda
             {"ٱلْأُمَمُ", "الامم"},            // alef wasla and tashkeel
             {"عُقُوبَاتٌ", "عقوبات"},          // fatha, damma, tanween
             {"مُتَّحِدَة", "متحده"},           // shadda; final ta marbuta as ha
             {"عـــقـــوبـــات", "عقوبات"},    // tatweel
             {"مستشفى", "مستشفي"},            // alef maqsura -> yaa
             {"إلى", "الي"},
             {"٢٠١٥", "2015"},                // Arabic-Indic digits
             {"مسؤول", "مسؤول"},              // hamza on waw is a letter, kept
         }) {
        std::string shown = c.in;
        CAPTURE(shown);
        CHECK(fold_word(c.in) == c.out);
    }
    CHECK(fold_word("مدرسة") == fold_word("مدرسه"));  // ة and ه end a word alike
}

TEST_CASE("normalisation: Cyrillic intact but ё, Latin accents folded for matching only") {
    CHECK(fold_word("ЙЕМЕН") == "йемен");
    CHECK(fold_word("йод") != fold_word("иод"));  // й is not и
    CHECK(fold_word("Ёлка") == "елка");            // ё is printed е as often as not
    CHECK(fold_word("sanción") == "sancion");
    CHECK(fold_word("châtiments") == "chatiments");
    CHECK(fold_word("ÉTAT") == "etat");
    Analyser es("es");
    const std::string text = "la sanción impuesta";
    std::vector<Token> tokens = es.tokenize(text);
    REQUIRE(tokens.size() == 3);
    CHECK(text.substr(tokens[1].start, tokens[1].end - tokens[1].start) == "sanción");
}

TEST_CASE("stemming: Snowball for ar, en, fr, ru, es; none for zh") {
    struct Case {
        const char* lang;
        const char* a;
        const char* b;
    };
    // Pairs that occur in the slice of the UN Parallel Corpus.
    for (Case c : std::initializer_list<Case>{
             {"en", "contribution", "contributions"},
             {"fr", "engagement", "engagements"},
             {"fr", "résolution", "résolutions"},
             {"es", "sanción", "sanciones"},
             {"es", "disposición", "disposiciones"},
             {"ru", "наказание", "наказания"},
             {"ru", "наказание", "наказаниям"},
             {"ru", "взнос", "взносов"},
             {"ar", "العقوبات", "عقوبة"},
         }) {
        Analyser a(c.lang);
        std::string shown = std::string(c.lang) + ": " + c.a + " / " + c.b;
        CAPTURE(shown);
        CHECK(a.stem(fold_word(c.a)) == a.stem(fold_word(c.b)));
    }
    CHECK(stemmer_name("zh") == "none");
    Analyser zh("zh");
    CHECK(zh.stem("惩罚") == "惩罚");
    // й and и stay apart after stemming too.
    Analyser ru("ru");
    CHECK(ru.stem("йод") != ru.stem("иод"));
}

TEST_CASE("Arabic query stems cover the article: the stemmer reads bare nouns as verbs") {
    Analyser ar("ar");
    // The pitfall: the same noun with and without ال stems apart.
    REQUIRE(ar.stem("عقوبات") != ar.stem("العقوبات"));
    auto bare = ar.query_stems("عقوبات");
    auto with_article = ar.query_stems("العقوبات");
    for (const auto& stems : {bare, with_article}) {
        CHECK(std::find(stems.begin(), stems.end(), ar.stem("عقوبات")) != stems.end());
        CHECK(std::find(stems.begin(), stems.end(), ar.stem("العقوبات")) != stems.end());
    }
    Analyser en("en");
    CHECK(en.query_stems("victims") == std::vector<std::string>{"victim"});
}
