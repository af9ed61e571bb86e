// End-to-end: negotiated text (who proposed what), filters, grouping, facets, stats.
#include <doctest/doctest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "tests/e2e/support.h"

using namespace verbatim::e2e;

namespace {

bool contains(const std::string& s, const std::string& needle) { return s.find(needle) != std::string::npos; }

std::vector<nlohmann::json> hits(const std::vector<std::string>& args) {
    std::vector<std::string> all{"search", "--db", corpus_db(), "--json", "--limit", "1000"};
    all.insert(all.end(), args.begin(), args.end());
    RunResult r = run_verbatim(all);
    INFO(r.err);
    REQUIRE(r.exit_code <= 1);
    std::vector<nlohmann::json> out;
    size_t b = 0;
    for (size_t e = r.out.find('\n'); e != std::string::npos; b = e + 1, e = r.out.find('\n', b))
        out.push_back(nlohmann::json::parse(r.out.substr(b, e - b)));
    return out;
}

std::vector<std::string> citations(const std::vector<nlohmann::json>& hs) {
    std::vector<std::string> c;
    for (const auto& h : hs) c.push_back(h["citation"]);
    std::sort(c.begin(), c.end());
    return c;
}

}  // namespace

TEST_CASE("country:Canada non-punishment lists the draft recommendations Canada changed") {
    auto found = hits({"country:Canada non-punishment"});
    REQUIRE(found.size() >= 3);
    for (const auto& h : found) {
        CHECK(contains(h["citation"].get<std::string>(), "CTOC/COP/2020/CRP.4, draft recommendation"));
        auto countries = h["countries"].get<std::vector<std::string>>();
        CHECK(std::find(countries.begin(), countries.end(), "Canada") != countries.end());
    }
    std::vector<std::string> c = citations(found);
    CHECK(std::find(c.begin(), c.end(), "CTOC/COP/2020/CRP.4, draft recommendation 12") != c.end());
    // Short forms of a delegation find the same units.
    CHECK(citations(hits({"country:UK"})) == citations(hits({"country:\"United Kingdom of Great Britain and Northern Ireland\""})));
    CHECK(citations(hits({"country:USA"})) == citations(hits({"country:\"United States of America\""})));
}

TEST_CASE("status:agreed returns draft recommendations 1 and 2 of the comment paper") {
    CHECK(citations(hits({"status:agreed"})) == std::vector<std::string>{"CTOC/COP/2020/CRP.4, draft recommendation 1",
                                                                         "CTOC/COP/2020/CRP.4, draft recommendation 2"});
    for (const auto& h : hits({"status:pending"})) CHECK(h["status"] == "pending");
    for (const auto& h : hits({"status:adopted"})) CHECK(h["kind"] != "paragraph");
}

TEST_CASE("year, date, symbol prefix, meeting and body filters") {
    auto dna = hits({"year:2019 DNA database"});
    REQUIRE_FALSE(dna.empty());
    for (const auto& h : dna) CHECK(h["date"].get<std::string>().substr(0, 4) == "2019");
    for (const auto& h : hits({"date:2019-01-01..2019-12-31", "victims"})) CHECK(h["date"] == "2019-09-09");
    for (const auto& h : hits({"symbol:CTOC/COP/WG.4/*", "victims"}))
        CHECK(h["symbol"].get<std::string>().rfind("CTOC/COP/WG.4/", 0) == 0);
    CHECK(citations(hits({"meeting:\"tenth meeting\"", "Sturland"})) == citations(hits({"meeting:10", "Sturland"})));
    for (const auto& h : hits({"meeting:9", "victims"})) CHECK(h["symbol"] == "CTOC/COP/WG.4/2019/L.1");
    CHECK_FALSE(hits({"body:\"Working Group on Trafficking in Persons\"", "victims"}).empty());
    RunResult bad = run_verbatim({"search", "--db", corpus_db(), "date:2020..2019"});
    CHECK(bad.exit_code == 2);
    CHECK(contains(bad.err, "runs backwards"));
}

TEST_CASE("phrases read through annotations; the display keeps them") {
    auto found = hits({"\"joint or coordinated investigation teams\""});
    REQUIRE(found.size() == 1);
    CHECK(found[0]["citation"] == "CTOC/COP/2020/CRP.4, draft recommendation 24");
    CHECK(contains(found[0]["text"].get<std::string>(), "joint or coordinated [add: Indonesia] investigation teams"));
    bool indonesia_added = false;
    for (const auto& c : found[0]["changes"])
        if (c["action"] == "add" && c["delegations"] == nlohmann::json::array({"Indonesia"}) &&
            c["text"] == "joint or coordinated")
            indonesia_added = true;
    CHECK(indonesia_added);
    RunResult cite = run_verbatim({"cite", "--db", corpus_db(), "CTOC/COP/2020/CRP.4, draft recommendation 24"});
    CHECK(contains(cite.out, "changes proposed:"));
    CHECK(contains(cite.out, "- add (Indonesia): \xE2\x80\x9Cjoint or coordinated\xE2\x80\x9D"));
}

TEST_CASE("--group meeting reads as a timeline: 2020, then 2019, then 2018") {
    RunResult r = run_verbatim({"search", "--db", corpus_db(), "--group", "meeting", "--limit", "1", "trafficking"});
    REQUIRE(r.exit_code == 0);
    size_t wg10 = r.out.find("tenth meeting of the Working Group on Trafficking in Persons (2020)");
    size_t wg9 = r.out.find("ninth meeting of the Working Group on Trafficking in Persons (2019)");
    size_t wg8 = r.out.find("eighth meeting of the Working Group on Trafficking in Persons (2018)");
    REQUIRE(wg10 != std::string::npos);
    REQUIRE(wg9 != std::string::npos);
    REQUIRE(wg8 != std::string::npos);
    CHECK(wg10 < wg9);
    CHECK(wg9 < wg8);
    CHECK(contains(r.out, "matching units in"));
    RunResult json = run_verbatim({"search", "--db", corpus_db(), "--json", "--group", "document", "Sturland"});
    nlohmann::json first = nlohmann::json::parse(json.out.substr(0, json.out.find('\n')));
    CHECK(first["group"] == "ctoc-cop-wg.4-2020-4.en");
    CHECK(first["count"].get<int>() == static_cast<int>(first["hits"].size()));
}

TEST_CASE("facets show where a term lives before reading") {
    RunResult r = run_verbatim({"facets", "--db", corpus_db(), "--json", "non-punishment"});
    REQUIRE(r.exit_code == 0);
    nlohmann::json j = nlohmann::json::parse(r.out);
    size_t total = 0;
    for (const auto& y : j["facets"]["year"]) total += y["count"].get<size_t>();
    CHECK(total == j["total"].get<size_t>());
    CHECK(j["facets"]["year"][0]["value"] == "2020");
    CHECK(j["facets"].contains("country"));
    CHECK(j["facets"].contains("type"));
    RunResult inline_facets = run_verbatim({"search", "--db", corpus_db(), "--facets", "--limit", "1", "non-punishment"});
    CHECK(contains(inline_facets.out, "year: 2020"));
    CHECK(contains(inline_facets.out, "country: Canada"));
}

TEST_CASE("stats say what the index holds") {
    RunResult r = run_verbatim({"stats", "--db", corpus_db(), "--json"});
    REQUIRE(r.exit_code == 0);
    nlohmann::json s = nlohmann::json::parse(r.out);
    CHECK(s["documents"] == 5);
    CHECK(s["files"] == 10);
    CHECK(s["first_date"] == "2018-07-02");
    CHECK(s["last_date"] == "2020-10-13");
    CHECK(s["languages"]["en"].get<int>() == s["units"].get<int>());
    CHECK(s["bytes"].get<long>() > 0);
}
