// End-to-end: the six UN languages. The first 200 sentences of each language file of
// the UN Parallel Corpus test set (real UN text from outside, read from ../shared/ext or
// $VERBATIM_REAL_DOCS, never copied here; aligned: line N is the same sentence in each) becomes a
// report of numbered paragraphs, all six under one symbol and with no `lang` in the
// manifest, so the language of each is detected; then searches in each language.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "analysis/analyser.h"
#include "tests/e2e/support.h"
#include "tests/real_docs.h"

using namespace verbatim::e2e;
namespace fs = std::filesystem;

namespace {

const char* const kLanguages[] = {"ar", "en", "es", "fr", "ru", "zh"};
const std::string kSymbol = "TEST/UNPC/1";

bool contains(const std::string& s, const std::string& needle) { return s.find(needle) != std::string::npos; }

fs::path unpc_file(const std::string& lang) {
    return verbatim::testing::real_doc("unpc-v1.0-testsets/testset/UNv1.0.testset." + lang,
                                       "the end-to-end checks on real UN sentences in six languages");
}

bool have_unpc() {
    return std::all_of(std::begin(kLanguages), std::end(kLanguages),
                       [](const char* lang) { return !unpc_file(lang).empty(); });
}

std::vector<std::string> sentences(const std::string& lang) {
    std::ifstream in(unpc_file(lang));
    std::vector<std::string> lines;
    for (std::string line; lines.size() < 200 && std::getline(in, line);) lines.push_back(line);
    REQUIRE(lines.size() == 200);
    return lines;
}

// The index of the six reports, built once.
std::string unpc_db() {
    static std::string db = [] {
        fs::path dir = fresh_dir("unpc");
        std::string manifest;
        for (const char* lang : kLanguages) {
            std::string report;
            std::vector<std::string> lines = sentences(lang);
            for (size_t i = 0; i < lines.size(); ++i) report += std::to_string(i + 1) + ". " + lines[i] + "\n\n";
            std::string name = std::string("unpc-") + lang;
            write_file(dir / "docs" / (name + ".txt"), report);
            manifest += "[" + name + "]\nsymbol = " + kSymbol + "\n\n";  // no lang: detected
        }
        write_file(dir / "docs" / "manifest.ini", manifest);
        std::string path = (dir / "verbatim.db").string();
        RunResult r = run_verbatim({"index", "--db", path, (dir / "docs").string()});
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        return path;
    }();
    return db;
}

std::string doc_id(const std::string& lang) { return "test-unpc-1." + lang; }
std::string unit_id(const std::string& lang, size_t n) { return doc_id(lang) + "#para-" + std::to_string(n); }

RunResult search(std::vector<std::string> args) {
    args.insert(args.begin(), {"search", "--db", unpc_db()});
    return run_verbatim(args);
}

// Ids of every hit of a query (JSON).
std::vector<std::string> hit_ids(const std::string& query) {
    RunResult r = search({"--json", "--limit", "1000", query});
    INFO(query, r.err);
    CHECK(r.exit_code == (r.out.empty() ? 1 : 0));
    return json_field(r.out, "id");
}

bool has(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The word of sentence `n` (1-based) that no other sentence of the file holds,
// the longest such, as written.
std::string distinctive_word(const std::string& lang, const std::vector<std::string>& lines, size_t n) {
    verbatim::Analyser analyser(lang);
    std::map<std::string, std::set<size_t>> where;
    for (size_t i = 0; i < lines.size(); ++i)
        for (const auto& t : analyser.tokenize(lines[i])) where[t.term].insert(i + 1);
    std::string best;
    size_t best_length = 0;
    for (const auto& t : analyser.tokenize(lines[n - 1])) {
        if (!t.has_letters || t.role != verbatim::Token::Role::word || t.term.size() < 6) continue;
        if (where[t.term].size() != 1 || t.term.size() <= best_length) continue;
        best = lines[n - 1].substr(t.start, t.end - t.start);
        best_length = t.term.size();
    }
    return best;
}

}  // namespace

TEST_CASE("the language of each version is detected; one symbol links the six" * doctest::skip(!have_unpc())) {
    for (const char* lang : kLanguages) {
        RunResult r = run_verbatim({"show", "--db", unpc_db(), "--json", doc_id(lang)});
        INFO(lang, r.err);
        REQUIRE(r.exit_code == 0);
        nlohmann::json doc = nlohmann::json::parse(r.out);
        CHECK(doc["lang"] == lang);
        CHECK(doc["symbol"] == kSymbol);
        CHECK(doc["units"].size() == 200);
        CHECK(doc["units"][199]["anchor"] == "para-200");
    }
}

TEST_CASE("a distinctive word of sentence N finds unit N in each language" * doctest::skip(!have_unpc())) {
    for (const char* lang : kLanguages) {
        std::vector<std::string> lines = sentences(lang);
        for (size_t n = 2; n <= 200; n += 9) {
            std::string word = distinctive_word(lang, lines, n);
            if (word.empty()) continue;  // a sentence of numbers and short words
            std::vector<std::string> ids = hit_ids(word);
            INFO(lang, " sentence ", n, ": ", word);
            CHECK(has(ids, unit_id(lang, n)));
        }
    }
}

TEST_CASE("words in each language meet their other forms (stems)" * doctest::skip(!have_unpc())) {
    struct Case {
        const char* query;
        const char* lang;
        size_t unit;  // a unit that holds only the other form
    };
    for (Case c : std::initializer_list<Case>{
             {"disposición", "es", 9},       // disposiciones
             {"наказание", "ru", 2},         // наказаниям
             {"взнос", "ru", 93},            // взносы, взносов
             {"engagement lang:fr", "fr", 94},  // engagements
             {"résolution lang:fr", "fr", 52},  // résolutions
             {"contribution lang:en", "en", 93},  // contributions
             {"العقوبات", "ar", 2},          // عقوبات: without the article
         }) {
        INFO(c.query);
        CHECK(has(hit_ids(c.query), unit_id(c.lang, c.unit)));
    }
}

TEST_CASE("Chinese: several words are a phrase, not scattered characters" * doctest::skip(!have_unpc())) {
    std::vector<std::string> ids = hit_ids("令人发指的惩罚");
    CHECK(ids == std::vector<std::string>{unit_id("zh", 2)});
    // The same words in another order are not that phrase.
    CHECK(search({"惩罚令人发指"}).exit_code == 1);
    // One word alone finds it too.
    CHECK(has(hit_ids("惩罚"), unit_id("zh", 2)));
}

TEST_CASE("lang: filters by the language of the document" * doctest::skip(!have_unpc())) {
    // "2015" stands in sentences of every language.
    for (const char* lang : kLanguages) {
        std::vector<std::string> ids = hit_ids(std::string("2015 lang:") + lang);
        INFO(lang);
        REQUIRE(!ids.empty());
        CHECK(std::all_of(ids.begin(), ids.end(), [&](const std::string& id) { return id.rfind(doc_id(lang) + "#", 0) == 0; }));
    }
}

TEST_CASE("--parallel shows the counterpart in another language" * doctest::skip(!have_unpc())) {
    std::vector<std::string> french = sentences("fr");
    RunResult human = search({"--parallel", "fr", "взнос"});
    INFO(human.err);
    REQUIRE(human.exit_code == 0);
    CHECK(contains(human.out, "[fr] TEST/UNPC/1, para. 93"));
    CHECK(contains(human.out, french[92].substr(0, 40)));

    RunResult json = search({"--json", "--parallel", "fr", "--limit", "1", "令人发指的惩罚"});
    REQUIRE(json.exit_code == 0);
    nlohmann::json hit = nlohmann::json::parse(json.out);
    CHECK(hit["parallel"]["citation"] == "TEST/UNPC/1, para. 2");
    CHECK(hit["parallel"]["lang"] == "fr");
    CHECK(hit["parallel"]["text"] == french[1]);

    // A language with no version in the index: null, and said so.
    fs::path dir = fresh_dir("one-language");
    write_file(dir / "docs" / "report.txt", "1. The sanctions committee met.\n\n2. It adjourned.\n");
    write_file(dir / "docs" / "manifest.ini", "[report]\nsymbol = TEST/ONE/1\n");
    std::string db = (dir / "verbatim.db").string();
    REQUIRE(run_verbatim({"index", "--db", db, (dir / "docs").string()}).exit_code == 0);
    RunResult none = run_verbatim({"search", "--db", db, "--json", "--parallel", "ru", "sanctions"});
    REQUIRE(none.exit_code == 0);
    CHECK(nlohmann::json::parse(none.out)["parallel"].is_null());
    CHECK(contains(run_verbatim({"search", "--db", db, "--parallel", "ru", "sanctions"}).out,
                   "[ru] no counterpart indexed"));
    // Without --parallel, the field is absent.
    CHECK_FALSE(nlohmann::json::parse(run_verbatim({"search", "--db", db, "--json", "sanctions"}).out).contains("parallel"));
}

TEST_CASE("Arabic hits are isolated right-to-left on the terminal, plain in JSON" * doctest::skip(!have_unpc())) {
    const std::string rli = "\xE2\x81\xA7", pdi = "\xE2\x81\xA9";
    RunResult human = search({"العقوبات", "lang:ar"});
    REQUIRE(human.exit_code == 0);
    CHECK(contains(human.out, rli));
    CHECK(contains(human.out, pdi));
    RunResult json = search({"--json", "العقوبات", "lang:ar"});
    REQUIRE(json.exit_code == 0);
    CHECK_FALSE(contains(json.out, rli));
    CHECK(contains(json.out, "عقوبات فظيعة"));
}

// ---------------------------------------------------------------------------
// Issue 17: queries as people write them, on small hand-written reports.

namespace {

// A report per language, each unit a numbered paragraph; languages detected.
std::string rules_db() {
    static std::string db = [] {
        fs::path dir = fresh_dir("language-rules");
        const std::map<std::string, std::string> reports{
            {"fr", "1. Note du Secrétariat sur l'organisation des travaux de la session.\n\n"
                   "2. Le Conseil condamne l’usage insensé de la force par l’Azerbaïdjan contre la population.\n\n"
                   "3. Les délégations se sont réunies jusqu'au soir, puisqu'il fallait conclure.\n"},
            {"zh", "1. 秘书处关于本届会议工作安排的说明\n\n2. 第7439次会议，2015年5月11日举行。\n"},
            {"ru", "1. Совещание состоялось в Кишинёве в мае.\n\n2. Делегация прибыла в Кишиневе вчера.\n"},
            {"ar", "1. تقرير منظمة الأمم المتحدة للطفولة عن الأطفال.\n\n2. أعلنت المنظمه عن برنامج جديد للتعليم.\n"},
        };
        std::string manifest;
        for (const auto& [lang, text] : reports) {
            write_file(dir / "docs" / ("rules-" + lang + ".txt"), text);
            manifest += "[rules-" + lang + "]\nsymbol = TEST/RULES/" + lang + "\n\n";
        }
        write_file(dir / "docs" / "manifest.ini", manifest);
        std::string path = (dir / "verbatim.db").string();
        RunResult r = run_verbatim({"index", "--db", path, (dir / "docs").string()});
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        return path;
    }();
    return db;
}

std::vector<std::string> rules_hits(const std::string& query) {
    RunResult r = run_verbatim({"search", "--db", rules_db(), "--json", "--limit", "100", query});
    INFO(query, r.err);
    CHECK(r.exit_code == (r.out.empty() ? 1 : 0));
    return json_field(r.out, "id");
}

std::string rules_unit(const std::string& lang, int n) {
    return "test-rules-" + lang + "." + lang + "#para-" + std::to_string(n);
}

}  // namespace

TEST_CASE("French: the bare word, the elided form and phrases across an elision all match") {
    for (const char* q : {"Azerbaïdjan", "l'Azerbaïdjan", "l’Azerbaïdjan", "d'Azerbaïdjan", "\"par l'Azerbaïdjan\"",
                          "\"usage insensé de la force\"", "\"condamne l'usage\""}) {
        INFO(q);
        CHECK(rules_hits(q) == std::vector<std::string>{rules_unit("fr", 2)});
    }
    CHECK(rules_hits("\"organisation des travaux\"") == std::vector<std::string>{rules_unit("fr", 1)});
    CHECK(rules_hits("\"réunies jusqu'au soir\"") == std::vector<std::string>{rules_unit("fr", 3)});
    // A phrase copied with the paragraph's printed number is found too.
    CHECK(rules_hits("\"2. Le Conseil condamne\"") == std::vector<std::string>{rules_unit("fr", 2)});
    CHECK(run_verbatim({"search", "--db", rules_db(), "\"3. Le Conseil condamne\""}).exit_code == 1);
    // The text and the highlight are as written.
    RunResult r = run_verbatim({"search", "--db", rules_db(), "--json", "Azerbaïdjan"});
    REQUIRE(r.exit_code == 0);
    nlohmann::json hit = nlohmann::json::parse(r.out);
    CHECK(hit["text"] == "Le Conseil condamne l’usage insensé de la force par l’Azerbaïdjan contre la population.");
    CHECK(contains(hit.dump(), "Azerba"));
}

TEST_CASE("Chinese: any run of two or more characters is found, and one character") {
    for (const char* q : {"届会议工作", "秘书处关于本", "会议工作安排", "\"关于本届\"", "届", "排"}) {
        INFO(q);
        CHECK(rules_hits(q) == std::vector<std::string>{rules_unit("zh", 1)});
    }
    CHECK(rules_hits("7439次会") == std::vector<std::string>{rules_unit("zh", 2)});
    CHECK(rules_hits("会议") == std::vector<std::string>{rules_unit("zh", 2), rules_unit("zh", 1)});  // both hold it
    // Characters that do not stand together in the text are not a phrase.
    CHECK(run_verbatim({"search", "--db", rules_db(), "工作会议"}).exit_code == 1);
    CHECK(run_verbatim({"search", "--db", rules_db(), "届本"}).exit_code == 1);
}

TEST_CASE("Russian ё and е meet; Arabic ta marbuta and ha at the end of a word meet") {
    for (const char* q : {"Кишинёве", "Кишиневе", "КИШИНЕВЕ"}) {
        INFO(q);
        std::vector<std::string> ids = rules_hits(q);
        CHECK(has(ids, rules_unit("ru", 1)));
        CHECK(has(ids, rules_unit("ru", 2)));
    }
    for (const char* q : {"المنظمة", "المنظمه"}) {
        INFO(q);
        CHECK(has(rules_hits(q), rules_unit("ar", 2)));
    }
    CHECK(has(rules_hits("منظمه"), rules_unit("ar", 1)));
}
