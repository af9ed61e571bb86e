// End-to-end: the built `verbatim` on corpus/ and on small folders made here, checked
// for what a user sees (stdout, stderr, exit status).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "query/present/columns.h"
#include "tests/e2e/support.h"

using namespace verbatim::e2e;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& s, const std::string& needle) { return s.find(needle) != std::string::npos; }

std::set<std::string> citations(const std::string& query, const std::string& db) {
    RunResult r = run_verbatim({"search", "--db", db, "--json", "--limit", "1000", query});
    INFO(query, r.err);
    REQUIRE(r.exit_code == 0);
    std::vector<std::string> c = json_field(r.out, "citation");
    std::set<std::string> unique(c.begin(), c.end());
    CHECK(unique.size() == c.size());  // each unit once
    return unique;
}

// A folder holding one seed report as text, with the corpus manifest.
fs::path text_only_copy(const std::string& file) {
    fs::path dir = fresh_dir("text-only");
    fs::copy_file(corpus_dir() / file, dir / file);
    fs::copy_file(corpus_dir() / "manifest.ini", dir / "manifest.ini");
    return dir;
}

const std::string kReport = "001_7d3c025fb8d284f4.txt";

}  // namespace

TEST_CASE("non-punishment, non punishment and nonpunishment find the same paragraphs") {
    const std::string db = corpus_db();
    std::set<std::string> hyphen = citations("non-punishment", db);
    CHECK(citations("non punishment", db) == hyphen);
    CHECK(citations("nonpunishment", db) == hyphen);
    for (int para : {8, 9, 11, 12, 13, 15, 16}) {
        std::string c = "CTOC/COP/WG.4/2020/4, para. " + std::to_string(para);
        CAPTURE(c);
        CHECK(hyphen.count(c) == 1);
    }
    // The 2020 passage of the Chair's speaking notes, a document without a symbol.
    bool notes = std::any_of(hyphen.begin(), hyphen.end(), [](const std::string& c) {
        return contains(c, "Speaking notes") && contains(c, "(13 October 2020), para. [6]");
    });
    CHECK(notes);
    // So do phrases written each way.
    std::set<std::string> phrase = citations("\"non-punishment principle\"", db);
    CHECK(citations("\"nonpunishment principle\"", db) == phrase);
    CHECK(citations("\"non punishment principle\"", db) == phrase);
    CHECK(citations("multi-disciplinary", db) == citations("multidisciplinary", db));
}

TEST_CASE("human output: citation with pages, date, heading path, snippet, count") {
    RunResult r = run_verbatim({"search", "--db", corpus_db(), "--limit", "3", "--pages", "Sturland defence"});
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "1. CTOC/COP/WG.4/2020/4, para. 12, pp. 2-3  28 September 2020"));
    CHECK(contains(r.out, "III. Chair's summary of deliberations"));
    CHECK(contains(r.out, "statutory legal defence"));
    CHECK(contains(r.out, "matching unit"));
    CHECK_FALSE(contains(r.out, "\x1b["));  // not a terminal: no colour codes
}

TEST_CASE("a phrase across the page break inside paragraph 10 is found (text report)") {
    fs::path dir = text_only_copy(kReport);
    std::string db = (dir / "db").string();
    REQUIRE(run_verbatim({"index", "--db", db, dir.string()}).exit_code == 0);
    RunResult r = run_verbatim(
        {"search", "--db", db, "--json", "\"offering a number of recommendations, including strengthening inter-agency\""});
    REQUIRE(r.exit_code == 0);
    CHECK(json_field(r.out, "citation") == std::vector<std::string>{"CTOC/COP/WG.4/2020/4, para. 10"});
    CHECK(json_field(r.out, "pages") == std::vector<std::string>{"[2,3]"});  // the footer "2/7" closed page 2
    // Page furniture never reaches the text.
    RunResult furniture = run_verbatim({"search", "--db", db, "\"V.20-05476\""});
    CHECK(furniture.exit_code == 1);
}

TEST_CASE("cite prints the unit whole; a missing paragraph says which exist") {
    RunResult r = run_verbatim({"cite", "--db", corpus_db(), "CTOC/COP/WG.4/2020/4, para. 12"});
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "CTOC/COP/WG.4/2020/4, para. 12"));
    CHECK(contains(r.out, "Mr. Sturland elaborated on the statutory legal defence"));
    CHECK(contains(r.out, "when the decision is made not to prosecute them."));

    RunResult lower = run_verbatim({"cite", "--db", corpus_db(), "ctoc/cop/wg.4/2020/4 paragraph 10"});
    REQUIRE(lower.exit_code == 0);
    CHECK(contains(lower.out, "Mr. Olusayo spoke about the efforts of Nigeria"));

    RunResult missing = run_verbatim({"cite", "--db", corpus_db(), "CTOC/COP/WG.4/2020/4, para. 99"});
    CHECK(missing.exit_code == 1);
    CHECK(contains(missing.err, "CTOC/COP/WG.4/2020/4 has no paragraph 99; it has paragraphs 1-37"));

    RunResult unknown = run_verbatim({"cite", "--db", corpus_db(), "A/RES/99/999, para. 1"});
    CHECK(unknown.exit_code == 1);
    CHECK(contains(unknown.err, "no document 'A/RES/99/999'"));

    RunResult malformed = run_verbatim({"cite", "--db", corpus_db(), "para. 12"});
    CHECK(malformed.exit_code == 2);  // a malformed reference is an error, like a malformed query
    CHECK(contains(malformed.err, "bad reference: no document in 'para. 12'"));
}

TEST_CASE("a document without a symbol is cited by its manifest name") {
    RunResult r = run_verbatim({"cite", "--db", corpus_db(), "chair-speaking-notes-2020, para. [6]"});
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "principle of non-punishment of victims of trafficking"));
    RunResult json = run_verbatim({"cite", "--db", corpus_db(), "--json", "chair-speaking-notes-2020 para 6"});
    REQUIRE(json.exit_code == 0);
    CHECK(json_field(json.out, "symbol") == std::vector<std::string>{"null"});
}

TEST_CASE("the JSON shape of a hit") {
    RunResult r = run_verbatim({"search", "--db", corpus_db(), "--json", "--limit", "1", "Sturland statutory defence"});
    REQUIRE(r.exit_code == 0);
    nlohmann::json hit = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
    for (const char* key : {"id", "doc", "symbol", "title", "date", "lang", "kind", "label", "pages", "citation",
                            "heading", "text", "snippet", "score", "source"})
        CHECK_MESSAGE(hit.contains(key), key);
    CHECK(hit["id"] == "ctoc-cop-wg.4-2020-4.en#para-12");
    CHECK(hit["date"] == "2020-09-28");
    CHECK(hit["kind"] == "paragraph");
    CHECK(hit["label"] == "12");
    CHECK(hit["number_inferred"] == true);
    CHECK(hit["heading"] == "III. Chair's summary of deliberations");
    CHECK(contains(hit["snippet"].get<std::string>(), "**Sturland**"));
    CHECK(hit["score"].is_number());
}

TEST_CASE("sorting by date, paging, exit codes") {
    const std::string db = corpus_db();
    RunResult newest = run_verbatim({"search", "--db", db, "--json", "--sort", "newest", "--limit", "500", "trafficking"});
    std::vector<std::string> dates = json_field(newest.out, "date");
    REQUIRE(dates.size() > 10);
    CHECK(std::is_sorted(dates.rbegin(), dates.rend()));
    RunResult oldest = run_verbatim({"search", "--db", db, "--json", "--sort", "oldest", "--limit", "500", "trafficking"});
    std::vector<std::string> old_dates = json_field(oldest.out, "date");
    CHECK(std::is_sorted(old_dates.begin(), old_dates.end()));
    CHECK(old_dates.front() == "2018-07-02");

    RunResult page1 = run_verbatim({"search", "--db", db, "--json", "--limit", "3", "trafficking"});
    RunResult page2 = run_verbatim({"search", "--db", db, "--json", "--limit", "3", "--offset", "3", "trafficking"});
    std::vector<std::string> a = json_field(page1.out, "id"), b = json_field(page2.out, "id");
    REQUIRE(a.size() == 3);
    REQUIRE(b.size() == 3);
    for (const auto& id : b) CHECK(std::find(a.begin(), a.end(), id) == a.end());

    CHECK(run_verbatim({"search", "--db", db, "zzyzx"}).exit_code == 1);
    CHECK(run_verbatim({"search", "--db", db, "--sort", "sideways", "x"}).exit_code == 2);
    CHECK(run_verbatim({"frobnicate"}).exit_code == 2);
    CHECK(run_verbatim({"--help"}).exit_code == 0);
    CHECK(contains(run_verbatim({"search", "--help"}).out, "Query syntax"));
}

TEST_CASE("issue 18: one query, one count: search, --json, facets and groups all say 1500") {
    // 1,500 paragraphs that all hold both words, of varied length: Xapian's estimate of a
    // two-word query is far off, and a page of hits used to count only a few hundred.
    fs::path dir = fresh_dir("many-matches");
    std::string text = "I. Introduction\n\n";
    for (int i = 1; i <= 1500; ++i) {
        text += std::to_string(i) + ". Peace";
        for (int k = 0; k < i % 7; ++k) text += " and development";
        text += " requires security for item " + std::to_string(i) + ".\n\n";
    }
    write_file(dir / "many.txt", text);
    std::string db = (dir.parent_path() / (dir.filename().string() + ".db")).string();
    REQUIRE(run_verbatim({"index", "--db", db, dir.string()}).exit_code == 0);
    RunResult r = run_verbatim({"search", "--db", db, "peace security"});
    INFO(r.out);
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "\n1500 matching units (showing 1-10; --offset 10 for more)"));
    CHECK(!contains(r.out, "at least"));
    CHECK(contains(run_verbatim({"search", "--db", db, "--offset", "900", "peace security"}).out, "\n1500 matching units"));
    CHECK(contains(run_verbatim({"facets", "--db", db, "peace security"}).out, "\n1500 matching units"));
    CHECK(contains(run_verbatim({"search", "--db", db, "--group", "document", "peace security"}).out,
                   "1500 matching units"));
}

TEST_CASE("boolean queries, filters and malformed queries") {
    const std::string db = corpus_db();
    std::set<std::string> both = citations("Sturland OR Olusayo", db);
    CHECK(both.count("CTOC/COP/WG.4/2020/4, para. 12"));
    CHECK(both.count("CTOC/COP/WG.4/2020/4, para. 10"));
    std::set<std::string> without = citations("non-punishment -Canada", db);
    CHECK(without.size() < citations("non-punishment", db).size());
    std::set<std::string> grouped = citations("(Sturland OR Olusayo) Nigeria", db);
    CHECK(grouped.count("CTOC/COP/WG.4/2020/4, para. 10"));
    for (const std::string& c : citations("year:2019 DNA database", db)) CHECK(contains(c, "CTOC/COP/WG.4/2019/L.1"));
    for (const std::string& c : citations("symbol:CTOC/COP/WG.4/2020/4 victims", db)) CHECK(contains(c, "CTOC/COP/WG.4/2020/4,"));

    RunResult bad = run_verbatim({"search", "--db", db, "victims (protection"});
    CHECK(bad.exit_code == 2);
    CHECK(contains(bad.err, "bad query 'victims (protection': the '(' at column 9 is never closed"));
    RunResult field = run_verbatim({"search", "--db", db, "colour:red"});
    CHECK(field.exit_code == 2);
    CHECK(contains(field.err, "unknown field 'colour:'"));
}

TEST_CASE("the database comes from --db, else $VERBATIM_DB, else ./verbatim.db") {
    RunResult env = run_verbatim({"search", "Sturland"}, {{"VERBATIM_DB", corpus_db()}});
    CHECK(env.exit_code == 0);
    RunResult none = run_verbatim({"search", "--db", (fresh_dir("nodb") / "missing.db").string(), "Sturland"});
    CHECK(none.exit_code == 2);
    CHECK(contains(none.err, "no index at"));
    CHECK(contains(none.err, "verbatim index"));
}

TEST_CASE("re-indexing skips what did not change, replaces what did, removes what is gone") {
    fs::path dir = fresh_dir("reindex");
    fs::copy_file(corpus_dir() / kReport, dir / kReport);
    fs::copy_file(corpus_dir() / "003_a5e177348e1654f8.txt", dir / "003.txt");
    fs::copy_file(corpus_dir() / "manifest.ini", dir / "manifest.ini");
    std::string db = (dir.parent_path() / (dir.filename().string() + ".db")).string();

    RunResult first = run_verbatim({"index", "--db", db, "--json", dir.string()});
    REQUIRE(first.exit_code == 0);
    nlohmann::json s1 = nlohmann::json::parse(first.out);
    CHECK(s1["indexed"] == 2);
    std::vector<std::string> ids1 = json_field(run_verbatim({"search", "--db", db, "--json", "--limit", "1000", "the"}).out, "id");

    RunResult again = run_verbatim({"index", "--db", db, "--json", dir.string()});
    nlohmann::json s2 = nlohmann::json::parse(again.out);
    CHECK(s2["indexed"] == 0);
    CHECK(s2["unchanged"] == 2);

    // Same bytes under a new time stamp: still unchanged (content hash).
    fs::last_write_time(dir / kReport, fs::file_time_type::clock::now());
    CHECK(nlohmann::json::parse(run_verbatim({"index", "--db", db, "--json", dir.string()}).out)["unchanged"] == 2);

    // A change replaces the document's units; ids stay the same for the same text.
    {
        std::ofstream f(dir / kReport, std::ios::app);
        f << "\n38. A paragraph added to test re-indexing with zanzibarian words.\n";
    }
    nlohmann::json s3 = nlohmann::json::parse(run_verbatim({"index", "--db", db, "--json", dir.string()}).out);
    CHECK(s3["indexed"] == 1);
    CHECK(run_verbatim({"search", "--db", db, "zanzibarian"}).exit_code == 0);
    CHECK(run_verbatim({"cite", "--db", db, "CTOC/COP/WG.4/2020/4, para. 38"}).exit_code == 0);
    std::vector<std::string> ids3 = json_field(run_verbatim({"search", "--db", db, "--json", "--limit", "1000", "the"}).out, "id");
    for (const auto& id : ids1) CHECK(std::find(ids3.begin(), ids3.end(), id) != ids3.end());

    // A file that disappeared is removed from the index.
    fs::remove(dir / "003.txt");
    nlohmann::json s4 = nlohmann::json::parse(run_verbatim({"index", "--db", db, "--json", dir.string()}).out);
    CHECK(s4["removed"] == 1);
    CHECK(run_verbatim({"cite", "--db", db, "CTOC/COP/WG.4/2018/L.1/Add.1, para. 1"}).exit_code == 1);
    CHECK(run_verbatim({"cite", "--db", db, "CTOC/COP/WG.4/2020/4, para. 1"}).exit_code == 0);
}

TEST_CASE("a new index built by parallel workers holds what one writer gives, twins merged the same way") {
    // corpus/ has each report as text and as PDF: one document each, the PDF's.
    const std::vector<std::string> queries = {"non-punishment", "\"joint investigation teams\"", "victims",
                                              "symbol:CTOC/COP/WG.4/2020/4", "kind:recommendation"};
    auto answers = [&](const std::string& db) {
        std::vector<std::string> all;
        for (const std::string& q : queries) {
            RunResult r = run_verbatim({"search", "--db", db, "--json", "--limit", "10000", q});
            std::vector<std::string> ids = json_field(r.out, "id"), pages = json_field(r.out, "pages");
            for (size_t i = 0; i < ids.size(); ++i) ids[i] += " p" + (i < pages.size() ? pages[i] : "");
            std::sort(ids.begin(), ids.end());  // equal scores may come in another order
            all.push_back(q + " -> " + std::to_string(ids.size()));
            all.insert(all.end(), ids.begin(), ids.end());
        }
        return all;
    };
    const fs::path dir = fresh_dir("parallel-build");
    std::map<std::string, nlohmann::json> summary;
    for (const std::string threads : {"1", "3"}) {
        RunResult r = run_verbatim({"index", "--db", (dir / threads).string(), "--threads", threads, "--json",
                                    corpus_dir().string()});
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        summary[threads] = nlohmann::json::parse(r.out);
        // No part is left beside the index.
        for (const auto& entry : fs::directory_iterator(dir)) CHECK(entry.path().filename().string().find(".part-") == std::string::npos);
    }
    CHECK(summary["3"]["units"] == summary["1"]["units"]);
    CHECK(summary["3"]["merged"] == summary["1"]["merged"]);
    CHECK(summary["3"]["merged"].size() == 5);
    CHECK(answers((dir / "3").string()) == answers((dir / "1").string()));
    RunResult stats1 = run_verbatim({"stats", "--db", (dir / "1").string(), "--json"});
    RunResult stats3 = run_verbatim({"stats", "--db", (dir / "3").string(), "--json"});
    CHECK(nlohmann::json::parse(stats3.out)["units"] == nlohmann::json::parse(stats1.out)["units"]);
    // The parallel build is an ordinary index: the next run updates it in place.
    RunResult again = run_verbatim({"index", "--db", (dir / "3").string(), "--threads", "3", "--json", corpus_dir().string()});
    CHECK(nlohmann::json::parse(again.out)["unchanged"] == summary["1"]["files"]);
}

TEST_CASE("the manifest wins over the text, and a changed manifest re-indexes") {
    fs::path dir = text_only_copy(kReport);
    std::string db = (dir / "db").string();
    REQUIRE(run_verbatim({"index", "--db", db, dir.string()}).exit_code == 0);
    RunResult r = run_verbatim({"cite", "--db", db, "--json", "wg-tip-2020-report, para. 1"});
    REQUIRE(r.exit_code == 0);
    CHECK(json_field(r.out, "date") == std::vector<std::string>{"2020-09-28"});

    write_file(dir / "manifest.ini", "[001_7d3c025fb8d284f4]\nname = renamed\nsymbol = TEST/SYMBOL/1\ndate = 2021-01-02\n");
    RunResult again = run_verbatim({"index", "--db", db, dir.string()});
    CHECK(again.exit_code == 0);
    RunResult renamed = run_verbatim({"cite", "--db", db, "--json", "test/symbol/1 para 1"});
    REQUIRE(renamed.exit_code == 0);
    CHECK(json_field(renamed.out, "date") == std::vector<std::string>{"2021-01-02"});
    CHECK(run_verbatim({"cite", "--db", db, "CTOC/COP/WG.4/2020/4, para. 1"}).exit_code == 1);  // the old identity is gone

    write_file(dir / "manifest.ini", "[001_7d3c025fb8d284f4]\ndate = yesterday\n");
    RunResult bad = run_verbatim({"index", "--db", db, dir.string()});
    CHECK(contains(bad.err, "manifest.ini: line 2: date must be YYYY-MM-DD"));
}

TEST_CASE("text files in other encodings are read; bad bytes are reported once per file") {
    fs::path dir = fresh_dir("encodings");
    std::string body = "I. Introduction\n\n1. The delegation of Espa\xF1" "a noted the r\xE9sum\xE9 of the \x93non-punishment\x94 debate.\n";
    write_file(dir / "cp1252.txt", body);
    std::string utf16 = "\xFF\xFE";
    for (char c : std::string("I. Introduction\n\n1. The quokka delegation spoke.\n")) utf16 += c, utf16 += '\0';
    write_file(dir / "utf16.txt", utf16);
    write_file(dir / "broken.txt", "I. Introduction\n\n1. Caf\xC3\xA9 society and S\xC3\xA1nchez with a bad \xFF byte and another \xFE one.\n");
    write_file(dir / "empty.txt", "");
    std::string db = (dir / "db").string();
    RunResult r = run_verbatim({"index", "--db", db, dir.string()});
    CHECK(r.exit_code == 1);  // one file skipped
    CHECK(contains(r.err, "empty.txt: empty file, nothing to index"));
    CHECK(contains(r.err, "broken.txt: 2 invalid byte sequences replaced"));
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') >= 3);
    CHECK(run_verbatim({"search", "--db", db, "Espana resume"}).exit_code == 0);  // diacritics folded for matching
    RunResult shown = run_verbatim({"search", "--db", db, "Espana"});
    CHECK(contains(shown.out, "Espa\xC3\xB1" "a"));  // the original is shown
    CHECK(run_verbatim({"search", "--db", db, "quokka"}).exit_code == 0);
    CHECK(run_verbatim({"search", "--db", db, "Sanchez"}).exit_code == 0);
}

TEST_CASE("issue 18: a mistyped command says so and names the nearest one") {
    RunResult typo = run_verbatim({"serch", "climate"});
    CHECK(typo.exit_code == 2);
    CHECK(contains(typo.err, "verbatim: unknown command 'serch'; did you mean 'search'?"));
    CHECK_FALSE(contains(typo.err, "A subcommand is required"));
    RunResult bogus = run_verbatim({"--db", "x.db", "bogus"});
    CHECK(bogus.exit_code == 2);
    CHECK(contains(bogus.err, "unknown command 'bogus' (commands: index, search, cite"));
}

TEST_CASE("issue 18: --db that is not an index says so and how to make one; index refuses to write into it") {
    fs::path dir = fresh_dir("not-an-index");
    write_file(dir / "README.md", "# A readme\n\nverbatim is a search engine.\n");
    fs::create_directories(dir / "empty");
    write_file(dir / "papers" / "notes.odt", "not an index");
    const std::string make = ": make one with `verbatim index --db FOLDER PATH...`";
    RunResult file = run_verbatim({"search", "--db", (dir / "README.md").string(), "x"});
    CHECK(file.exit_code == 2);
    CHECK(contains(file.err, (dir / "README.md").string() + " is a file, not a verbatim index" + make));
    RunResult empty = run_verbatim({"stats", "--db", (dir / "empty").string()});
    CHECK(empty.exit_code == 2);
    CHECK(contains(empty.err, "no index at " + (dir / "empty").string() + " (an empty folder)" + make));
    RunResult other = run_verbatim({"show", "--db", (dir / "papers").string(), "x"});
    CHECK(other.exit_code == 2);
    CHECK(contains(other.err, (dir / "papers").string() + " is a folder, but not a verbatim index" + make));
    CHECK_FALSE(contains(file.err + empty.err + other.err, "Xapian"));

    // index --db into a folder of other files: refused, nothing written there.
    write_file(dir / "docs" / "a.txt", "1. The wombat delegation spoke.\n");
    RunResult refused = run_verbatim({"index", "--db", (dir / "papers").string(), (dir / "docs").string()});
    CHECK(refused.exit_code == 2);
    CHECK(contains(refused.err, "is a folder that holds other files, not a verbatim index"));
    CHECK(std::distance(fs::directory_iterator(dir / "papers"), fs::directory_iterator()) == 1);
    // An empty folder is fine: the index is made there.
    CHECK(run_verbatim({"index", "--db", (dir / "empty").string(), (dir / "docs").string()}).exit_code == 0);
    CHECK(run_verbatim({"search", "--db", (dir / "empty").string(), "wombat"}).exit_code == 0);
}

TEST_CASE("issue 18: files of a kind verbatim does not read are counted and named; exit 1") {
    fs::path dir = fresh_dir("unread-kinds");
    write_file(dir / "docs" / "a.docx", "PK");
    write_file(dir / "docs" / "b.docx", "PK");
    write_file(dir / "docs" / "c.odt", "PK");
    write_file(dir / "docs" / "d.html", "<p>x</p>");
    RunResult r = run_verbatim({"index", "--db", (dir / "db").string(), (dir / "docs").string()});
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "4 files of a kind verbatim does not read: .docx (2), .html, .odt"));
    RunResult help = run_verbatim({"index", "--help"});
    CHECK_FALSE(contains(help.out, "--allow-partial"));
    CHECK(contains(run_verbatim({"search", "--help"}).out, "--allow-partial"));
}

TEST_CASE("issue 18: an impossible date is a bad query") {
    const std::string db = corpus_db();
    for (const std::string q : {"date:2020-13-45", "date:2020-02-30", "date:2020-00", "date:2019..2020-13"}) {
        RunResult r = run_verbatim({"search", "--db", db, q});
        INFO(q << ": " << r.err);
        CHECK(r.exit_code == 2);
        CHECK(contains(r.err, "give dates as YYYY, YYYY-MM or YYYY-MM-DD"));
    }
    CHECK(run_verbatim({"search", "--db", db, "date:2020-09-28"}).exit_code == 0);
}

TEST_CASE("issue 18: show cuts and pads Russian and Chinese by display width, in valid UTF-8") {
    fs::path dir = fresh_dir("show-widths");
    std::string ru = "1. ";
    for (int i = 0; i < 20; ++i) ru += "\xD0\x94\xD0\xBE\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xB4 ";  // Доклад
    std::string zh = "2. ";
    for (int i = 0; i < 60; ++i) zh += "\xE6\x8A\xA5\xE5\x91\x8A";  // 报告
    write_file(dir / "docs" / "mixed.txt", ru + "\n\n" + zh + "\n");
    write_file(dir / "docs" / "manifest.ini", "[mixed]\nsymbol = TEST/MIXED/1\n");
    const std::string db = (dir / "db").string();
    REQUIRE(run_verbatim({"index", "--db", db, (dir / "docs").string()}).exit_code == 0);
    RunResult r = run_verbatim({"show", "--db", db, "TEST/MIXED/1"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    std::istringstream lines(r.out);
    size_t unit_lines = 0;
    for (std::string line; std::getline(lines, line);) {
        // Valid UTF-8 on every line: no character is cut in half.
        size_t i = 0;
        bool valid = true;
        while (i < line.size() && valid) {
            const auto c = static_cast<unsigned char>(line[i]);
            const size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
            valid = n > 0 && i + n <= line.size();
            for (size_t k = 1; valid && k < n; ++k) valid = (static_cast<unsigned char>(line[i + k]) & 0xC0) == 0x80;
            i += n;
        }
        CHECK(valid);
        if (line.rfind("paragraph ", 0) == 0 || line.rfind("text ", 0) == 0) {
            ++unit_lines;
            // kind (15) + label (28) + pages (9) + 3 spaces, then 90 columns of text, "..."
            // included (89 when a wide character does not fit in the last two).
            CHECK(verbatim::display_width(line) >= 15 + 28 + 9 + 3 + 89);
            CHECK(verbatim::display_width(line) <= 15 + 28 + 9 + 3 + 90);
            CHECK(line.ends_with("..."));
        }
    }
    CHECK(unit_lines == 2);
}

TEST_CASE("issue 18: cite --quote compares on the aligned span of the source, cut with …") {
    fs::path dir = fresh_dir("quote-diff");
    write_file(dir / "docs" / "speech.txt",
               "Mr. President, on behalf of my delegation I would like to congratulate you on your election to the "
               "presidency of this session. Sea-level rise threatens the very existence of small island States.\n");
    write_file(dir / "docs" / "manifest.ini", "[speech]\nsymbol = TEST/SPEECH/1\n");
    const std::string db = (dir / "db").string();
    REQUIRE(run_verbatim({"index", "--db", db, (dir / "docs").string()}).exit_code == 0);
    RunResult r = run_verbatim({"cite", "--db", db, "--quote", "I congratulate you on your election to the presidency"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "compare: \xE2\x80\xA6 I [-would like to-] congratulate you on your election to the presidency \xE2\x80\xA6"));
    CHECK_FALSE(contains(r.out, "[-Sea-level"));
    CHECK_FALSE(contains(r.out, "  "  "[-"));
}

TEST_CASE("index draws a progress bar on a terminal, and none when stderr is a file") {
    const fs::path db = fresh_dir("index_tty") / "db";
    const RunResult tty = run_on_terminal({"index", "--db", db.string(), corpus_dir().string()});
    INFO(tty.out);
    CHECK(tty.exit_code == 0);
    CHECK(tty.out.find(" files  ") != std::string::npos);  // "[####  ] 3/10 files  1.2 MB/s  0:01 left"
    CHECK(tty.out.find(" MB/s  ") != std::string::npos);
    CHECK(tty.out.find(" left") != std::string::npos);
    CHECK(tty.out.find("\r\x1b[K") != std::string::npos);  // redrawn in place, then cleared
    CHECK(tty.out.find("indexed ") != std::string::npos);

    const RunResult file = run_verbatim({"index", "--db", (fresh_dir("index_file") / "db").string(), corpus_dir().string()});
    CHECK(file.exit_code == 0);
    CHECK(file.err.find('\r') == std::string::npos);
}
