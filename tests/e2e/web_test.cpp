// `verbatim serve` over real HTTP: every API route answers with the CLI's --json shapes
// and messages, document text never reaches HTML unescaped, the limits hold, and the
// server keeps answering (from the newest revision) while `verbatim index` writes.
#include <doctest/doctest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <fstream>
#include <regex>
#include <thread>

#include "tests/e2e/spawn.h"
#include "tests/e2e/support.h"

using namespace verbatim::e2e;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const char* const kHostile = "HOSTILE/2021/1\n\n1. The zanzibarian delegation wrote <script>alert(1)</script> and "
                             "<img src=x onerror=alert(2)> in its comments on the protection of victims.\n";

std::string url_encode(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

// A running `verbatim serve --port 0` and a client for it.
struct Served {
    Spawned process;
    int port = 0;
    std::unique_ptr<httplib::Client> client;

    explicit Served(const std::string& db) {
        signal(SIGPIPE, SIG_IGN);
        process = spawn_verbatim({"serve", "--db", db, "--port", "0"});
        const std::regex address(R"(http://127\.0\.0\.1:(\d+)/)");
        for (int i = 0; i < 200 && port == 0; ++i) {
            std::smatch m;
            std::string out = read_text(process.out);
            if (std::regex_search(out, m, address)) port = std::stoi(m[1]);
            else std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        INFO(read_text(process.err));
        REQUIRE(port > 0);
        client = std::make_unique<httplib::Client>("127.0.0.1", port);
        client->set_read_timeout(30, 0);
    }
    ~Served() {
        if (process.pid > 0 && kill(process.pid, SIGTERM) == 0) wait_exit(process);
    }
    Served(const Served&) = delete;
    Served& operator=(const Served&) = delete;

    httplib::Result get(const std::string& path, const httplib::Headers& headers = {}) {
        return client->Get(path, headers);
    }
    // GET and parse; checks the status and that the answer is JSON.
    json get_json(const std::string& path, int status = 200) {
        auto res = get(path);
        REQUIRE(res);
        INFO(path << " -> " << res->body);
        CHECK(res->status == status);
        CHECK(res->get_header_value("Content-Type") == "application/json; charset=utf-8");
        return json::parse(res->body);
    }
};

// corpus/ plus a document whose text is markup, indexed once.
const std::string& web_db() {
    static std::string db = [] {
        fs::path extra = fresh_dir("web-extra");
        write_file(extra / "hostile.txt", kHostile);
        write_file(extra / "manifest.ini", "[hostile]\nsymbol = HOSTILE/2021/1\ndate = 2021-01-05\ntype = report\n");
        // A Russian file name gives a document id in Cyrillic (issue 18).
        write_file(extra / "\xD0\xB4\xD0\xBE\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xB4.txt",
                   "1. The quokkafold delegation reported on cooperation between the regions.\n");
        // A document whose file is deleted after indexing: its source is gone.
        write_file(extra / "gone.txt", "1. The vanishingword report is no longer on disk.\n");
        std::string path = (fresh_dir("web-db") / "verbatim.db").string();
        RunResult r = run_verbatim({"index", "--db", path, corpus_dir().string(), extra.string()});
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        fs::remove(extra / "gone.txt");
        return path;
    }();
    return db;
}

Served& server() {
    static Served served(web_db());
    return served;
}

// The CLI's --json output, one object per line.
std::vector<json> cli_json(std::vector<std::string> args) {
    args.insert(args.begin() + 1, {"--db", web_db(), "--json"});
    RunResult r = run_verbatim(args);
    std::vector<json> out;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty()) out.push_back(json::parse(line));
    return out;
}

// The CLI's message for a failing command: stderr without "verbatim: " and the newline.
std::string cli_message(const std::vector<std::string>& args) {
    std::vector<std::string> with_db = args;
    with_db.insert(with_db.begin() + 1, {"--db", web_db()});
    RunResult r = run_verbatim(with_db);
    REQUIRE(r.err.rfind("verbatim: ", 0) == 0);
    return r.err.substr(10, r.err.find('\n') - 10);
}

}  // namespace

TEST_CASE("serve: the page and its files, with a content security policy") {
    Served& s = server();
    auto page = s.get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(page->body.find("<script src=\"/app.js\" defer></script>") != std::string::npos);
    CHECK(page->get_header_value("Content-Security-Policy").find("script-src 'self'") != std::string::npos);
    CHECK(page->get_header_value("X-Content-Type-Options") == "nosniff");
    auto js = s.get("/app.js");
    REQUIRE(js);
    CHECK(js->status == 200);
    CHECK(js->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
    CHECK(js->body.find("textContent") != std::string::npos);
    CHECK(js->body.find("answer.total_exact === false ? 'at least '") != std::string::npos);  // inexact counts
    auto css = s.get("/style.css");
    REQUIRE(css);
    CHECK(css->get_header_value("Content-Type") == "text/css; charset=utf-8");

    SUBCASE("a document page by id; never a path") {
        auto doc = s.get("/doc/ctoc-cop-wg.4-2020-4.en");
        REQUIRE(doc);
        CHECK(doc->status == 200);
        CHECK(doc->body == page->body);
        for (std::string bad : {"/doc/..", "/doc/..%2F..%2Fetc%2Fpasswd", "/doc/a%00b", "/doc/../../etc/passwd",
                                "/../etc/passwd", "/corpus/manifest.ini", "/web/page.html"}) {
            auto res = s.get(bad);
            REQUIRE(res);
            INFO(bad);
            CHECK(res->status == 404);
            CHECK(res->body.find("root:") == std::string::npos);
        }
    }
}

TEST_CASE("serve: /api/search has the CLI's hits, total and facets") {
    Served& s = server();
    json api = s.get_json("/api/search?q=non-punishment&limit=100");
    std::vector<json> cli = cli_json({"search", "--limit", "100", "--facets", "non-punishment"});
    REQUIRE(cli.size() >= 2);
    const json cli_facets = cli.back().at("facets");
    cli.pop_back();
    REQUIRE(api.at("hits").size() == cli.size());
    for (size_t i = 0; i < cli.size(); ++i) CHECK(api["hits"][i] == cli[i]);  // the same objects, field for field
    CHECK(api.at("total") == cli.size());
    CHECK(api.at("total_exact") == true);  // the seed corpus is small: counts are exact
    CHECK(api.at("facets") == cli_facets);
    CHECK(api["hits"][0].at("snippet").get<std::string>().find("**") != std::string::npos);

    SUBCASE("sort, offset and limit page through the same list") {
        json newest = s.get_json("/api/search?q=trafficking&sort=newest&limit=5&offset=5");
        std::vector<json> cli_newest = cli_json({"search", "--sort", "newest", "--limit", "5", "--offset", "5", "trafficking"});
        REQUIRE(newest.at("hits").size() == 5);
        for (size_t i = 0; i < 5; ++i) CHECK(newest["hits"][i].at("id") == cli_newest[i].at("id"));
        CHECK(newest.at("hits")[0].at("rank") == 6);
    }
    SUBCASE("group by meeting, as search --group") {
        json grouped = s.get_json("/api/search?q=trafficking&group=meeting&limit=2");
        std::vector<json> cli_groups = cli_json({"search", "--group", "meeting", "--limit", "2", "trafficking"});
        CHECK(grouped.at("hits").empty());
        REQUIRE(grouped.at("groups").size() == cli_groups.size());
        for (size_t i = 0; i < cli_groups.size(); ++i) CHECK(grouped["groups"][i] == cli_groups[i]);
    }
    SUBCASE("the page size is capped at 100") {
        json big = s.get_json("/api/search?q=trafficking&limit=100000&facets=0");
        CHECK(big.at("limit") == 100);
        CHECK(big.at("hits").size() == 100);
        CHECK(big.at("total") > 100);
        CHECK_FALSE(big.contains("facets"));
    }
    SUBCASE("parameters that are not understood say so") {
        CHECK(s.get_json("/api/search?q=x&sort=random", 400).at("error") ==
              "sort must be one of relevance, newest, oldest, not 'random'");
        CHECK(s.get_json("/api/search?q=x&limit=ten", 400).at("error") == "limit must be a whole number, not 'ten'");
    }
}

TEST_CASE("serve: a bad query gets a 400 with the CLI's message") {
    Served& s = server();
    const std::string bad = "victims (protection";
    json answer = s.get_json("/api/search?q=" + url_encode(bad), 400);
    CHECK(answer.at("error") == cli_message({"search", bad}));
    CHECK(answer.at("error").get<std::string>().find("the '(' at column 9 is never closed") != std::string::npos);

    SUBCASE("a query that is too long") {
        const std::string long_query(2001, 'a');
        json too_long = s.get_json("/api/search?q=" + long_query, 400);
        CHECK(too_long.at("error") == cli_message({"search", long_query}));
        CHECK(too_long.at("error").get<std::string>().find("the limit is 2000") != std::string::npos);
        CHECK(s.get_json("/api/facets?q=" + long_query, 400).at("error") == cli_message({"facets", long_query}));
    }
    SUBCASE("facets of a bad query") {
        CHECK(s.get_json("/api/facets?q=" + url_encode(bad), 400).at("error") == cli_message({"facets", bad}));
    }
}

TEST_CASE("serve: /api/facets is `verbatim facets --json`") {
    std::vector<json> cli = cli_json({"facets", "non-punishment"});
    REQUIRE(cli.size() == 1);
    CHECK(server().get_json("/api/facets?q=non-punishment") == cli[0]);
}

TEST_CASE("serve: /api/cite and /api/quote are `verbatim cite`") {
    Served& s = server();
    const std::string reference = "CTOC/COP/WG.4/2020/4, para. 12";
    json api = s.get_json("/api/cite?ref=" + url_encode(reference));
    std::vector<json> cli = cli_json({"cite", reference});
    REQUIRE(cli.size() == 1);
    REQUIRE(api.at("units").size() == 1);
    CHECK(api["units"][0] == cli[0]);

    CHECK(s.get_json("/api/cite?ref=" + url_encode("CTOC/COP/WG.4/2020/4, para. 99"), 404).at("error") ==
          cli_message({"cite", "CTOC/COP/WG.4/2020/4, para. 99"}));
    CHECK(s.get_json("/api/cite?ref=" + url_encode("para. 12"), 400).at("error") == cli_message({"cite", "para. 12"}));
    CHECK(s.get_json("/api/cite", 400).at("error") == "give the reference as ?ref=");

    const std::string quote = "He underlined that the principle of non punishment supports the protection of the victim";
    json sources = s.get_json("/api/quote?text=" + url_encode(quote));
    std::vector<json> cli_sources = cli_json({"cite", "--quote", quote});
    REQUIRE_FALSE(cli_sources.empty());
    REQUIRE(sources.at("sources").size() == cli_sources.size());
    CHECK(sources["sources"][0] == cli_sources[0]);
    CHECK(sources["sources"][0].at("citation") == "CTOC/COP/WG.4/2020/4, para. 12");
}

TEST_CASE("serve: /api/agreed is `verbatim agreed`, by POST or ?text=") {
    Served& s = server();
    const std::string draft =
        "States parties should ensure the proactive and timely identification of victims of trafficking in persons so "
        "as to allow the provision of the necessary protection and support";
    std::vector<json> cli = cli_json({"agreed", draft});
    REQUIRE_FALSE(cli.empty());
    auto posted = s.client->Post("/api/agreed", draft, "text/plain; charset=utf-8");
    REQUIRE(posted);
    CHECK(posted->status == 200);
    json api = json::parse(posted->body);
    REQUIRE(api.at("matches").size() == cli.size());
    CHECK(api["matches"][0] == cli[0]);
    CHECK_FALSE(api["matches"][0].at("diff").empty());
    CHECK(s.get_json("/api/agreed?text=" + url_encode(draft)).at("matches") == api.at("matches"));

    SUBCASE("a body over 64 KB is refused with 413") {
        auto huge = s.client->Post("/api/agreed", std::string(64 * 1024 + 1, 'a'), "text/plain");
        REQUIRE(huge);
        CHECK(huge->status == 413);
        CHECK(json::parse(huge->body).at("error") == "the request body is larger than 64 KB");
    }
    SUBCASE("an empty draft") {
        auto empty = s.client->Post("/api/agreed", " \n", "text/plain");
        REQUIRE(empty);
        CHECK(empty->status == 400);
    }
}

TEST_CASE("serve: /api/show and /api/stats are `verbatim show --json` and `stats --json`") {
    Served& s = server();
    RunResult show = run_verbatim({"show", "--db", web_db(), "--json", "CTOC/COP/WG.4/2020/4"});
    REQUIRE(show.exit_code == 0);
    CHECK(s.get_json("/api/show?doc=" + url_encode("CTOC/COP/WG.4/2020/4")) == json::parse(show.out));
    CHECK(s.get_json("/api/show?doc=ctoc-cop-wg.4-2020-4.en") == json::parse(show.out));
    CHECK(s.get_json("/api/show?doc=nothing-here", 404).at("error") == "no document 'nothing-here' in the index");
    // A path is only a name that is not in the index.
    CHECK(s.get_json("/api/show?doc=" + url_encode("../../../../etc/passwd"), 404).contains("error"));
    CHECK(s.get_json("/api/show?doc=" + url_encode(corpus_dir().string() + "/001_7d3c025fb8d284f4.txt"), 404)
              .contains("error"));
    CHECK(s.get_json("/api/show", 400).contains("error"));

    std::vector<json> stats = cli_json({"stats"});
    REQUIRE(stats.size() == 1);
    CHECK(s.get_json("/api/stats") == stats[0]);
}

TEST_CASE("serve: document text never reaches HTML unescaped") {
    Served& s = server();
    json hits = s.get_json("/api/search?q=zanzibarian");
    REQUIRE(hits.at("hits").size() == 1);
    const json& hit = hits["hits"][0];
    // In JSON the text is data, served as JSON that browsers will not sniff as HTML...
    CHECK(hit.at("text").get<std::string>().find("<script>alert(1)</script>") != std::string::npos);
    auto raw = s.get("/api/search?q=zanzibarian");
    REQUIRE(raw);
    CHECK(raw->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(raw->get_header_value("Content-Type").rfind("application/json", 0) == 0);
    // ...and no HTML answer ever carries it: the page is static and builds text nodes.
    for (const std::string& path :
         std::vector<std::string>{"/", "/doc/" + hit.at("doc").get<std::string>(), "/?q=zanzibarian"}) {
        auto page = s.get(path);
        REQUIRE(page);
        CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
        CHECK(page->body.find("alert(") == std::string::npos);
        CHECK(page->body.find("zanzibarian") == std::string::npos);
    }
    auto js = s.get("/app.js");
    REQUIRE(js);
    CHECK(js->body.find(".innerHTML") == std::string::npos);
    CHECK(js->body.find("insertAdjacentHTML") == std::string::npos);
    CHECK(js->body.find("document.write") == std::string::npos);
}

std::string file_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST_CASE("issue 18: serve gives the original file of every hit, the PDF at the unit's physical page") {
    Served& s = server();
    json answer = s.get_json("/api/search?q=" + url_encode("\"non-punishment\"") + "&limit=100");
    REQUIRE_FALSE(answer.at("hits").empty());
    for (const json& hit : answer.at("hits")) {
        INFO(hit.dump());
        const std::string doc = hit.at("doc"), source = hit.at("source");
        const std::string url = hit.at("source_url");
        REQUIRE(url.rfind("/source/" + url_encode(doc), 0) == 0);
        if (source.ends_with(".pdf")) {
            // The corpus PDFs are numbered from their first page: physical = printed.
            REQUIRE(hit.at("source_page").is_number());
            CHECK(hit.at("source_page") == hit.at("pages")[0]);
            CHECK(url == "/source/" + url_encode(doc) + "#page=" + std::to_string(hit.at("source_page").get<int>()));
            CHECK(hit.at("source_link") == "file://" + source + "#page=" + std::to_string(hit.at("source_page").get<int>()));
        }
        auto res = s.get(url.substr(0, url.find('#')));
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(res->get_header_value("Content-Type") == (source.ends_with(".pdf") ? "application/pdf" : "text/plain; charset=utf-8"));
        CHECK(res->body == file_bytes(source));
        // A range, as a PDF viewer asks for one.
        auto part = s.get(url.substr(0, url.find('#')), {{"Range", "bytes=10-19"}});
        REQUIRE(part);
        CHECK(part->status == 206);
        CHECK(part->body == file_bytes(source).substr(10, 10));
        // One policy, the source's own: the PDF viewer may run, nothing of the file can.
        CHECK(res->get_header_value_count("Content-Security-Policy") == 1);
        CHECK(res->get_header_value("Content-Security-Policy") == "default-src 'none'; object-src 'self'");
    }
    // The CLI's --json carries the same fields.
    std::vector<json> cli = cli_json({"search", "--limit", "100", "\"non-punishment\""});
    REQUIRE(cli.size() == answer.at("hits").size());
    CHECK(cli[0].at("source_url") == answer["hits"][0].at("source_url"));
    CHECK(cli[0].at("source_page") == answer["hits"][0].at("source_page"));

    SUBCASE("a text file opens at the unit's first words") {
        json hit = s.get_json("/api/search?q=zanzibarian").at("hits")[0];
        CHECK(hit.at("source_page").is_null());
        CHECK(hit.at("source_url").get<std::string>().ends_with("#:~:text=The%20zanzibarian%20delegation%20wrote"));
        auto res = s.get("/source/" + hit.at("doc").get<std::string>());
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(res->body == kHostile);  // the markup is served as text/plain, with nosniff
        CHECK(res->get_header_value("Content-Type") == "text/plain; charset=utf-8");
        CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
    }
    SUBCASE("only by document id, only files of the index") {
        for (std::string bad : {"/source/..", "/source/..%2F..%2Fetc%2Fpasswd", "/source/%2Fetc%2Fpasswd",
                                "/source/nothing-here.en", "/source/CTOC%2FCOP%2FWG.4%2F2020%2F4",
                                "/source/ctoc-cop-wg.4-2020-4.en/../../manifest.ini", "/source/"}) {
            auto res = s.get(bad);
            REQUIRE(res);
            INFO(bad);
            CHECK(res->status == 404);
            CHECK(res->body.find("root:") == std::string::npos);
        }
        // A symbol is not an id: the document is named by its id alone.
        CHECK(s.get_json("/source/" + url_encode("CTOC/COP/WG.4/2020/4"), 404).contains("error"));
    }
    SUBCASE("a source file deleted since indexing is gone (410), not a server error") {
        json hit = s.get_json("/api/search?q=vanishingword").at("hits")[0];
        json gone = s.get_json(hit.at("source_url").get<std::string>().substr(0, hit.at("source_url").get<std::string>().find('#')), 410);
        CHECK(gone.at("error").get<std::string>().find("is gone") != std::string::npos);
    }
}

TEST_CASE("issue 18: a document id in Cyrillic has its page, its JSON and its source") {
    Served& s = server();
    json hit = s.get_json("/api/search?q=quokkafold").at("hits")[0];
    const std::string id = hit.at("doc");
    CHECK(id == "\xD0\xB4\xD0\xBE\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xB4.en");
    auto page = s.get("/doc/" + url_encode(id));
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(s.get_json("/api/show?doc=" + url_encode(id)).at("id") == id);
    auto source = s.get("/source/" + url_encode(id));
    REQUIRE(source);
    CHECK(source->status == 200);
    CHECK(hit.at("source_url").get<std::string>().rfind("/source/" + url_encode(id) + "#", 0) == 0);
}

TEST_CASE("issue 18: headings carry their words in text; highlights are spans") {
    Served& s = server();
    json doc = s.get_json("/api/show?doc=ctoc-cop-wg.4-2020-4.en");
    size_t headings = 0;
    for (const json& u : doc.at("units"))
        if (u.at("kind") == "heading") {
            ++headings;
            CHECK_FALSE(u.at("text").get<std::string>().empty());
            CHECK(u.at("text") == u.at("label"));
        }
    CHECK(headings > 0);

    json hits = s.get_json("/api/search?q=victims&limit=20").at("hits");
    REQUIRE_FALSE(hits.empty());
    for (const json& hit : hits) {
        const std::string text = hit.at("text"), excerpt = hit.at("snippet_text");
        REQUIRE_FALSE(hit.at("highlights").empty());
        for (const json& h : hit.at("highlights")) {
            std::string word = text.substr(h.at("start").get<size_t>(), h.at("end").get<size_t>() - h.at("start").get<size_t>());
            std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
            CHECK(word.rfind("victim", 0) == 0);
        }
        // The marked snippet is the excerpt with ** around the same spans.
        std::string marked;
        size_t at = 0;
        for (const json& h : hit.at("snippet_highlights")) {
            const size_t b = h.at("start"), e = h.at("end");
            marked += excerpt.substr(at, b - at) + "**" + excerpt.substr(b, e - b) + "**";
            at = e;
        }
        CHECK(marked + excerpt.substr(at) == hit.at("snippet"));
    }
}

TEST_CASE("issue 18: a term across meetings: bars in date order, each the count of its filter") {
    Served& s = server();
    for (const std::string by : {"meeting", "year", "type"}) {
        json answer = s.get_json("/api/search?q=trafficking&facets=0&timeline=" + by);
        CHECK_FALSE(answer.contains("facets"));
        REQUIRE(answer.at("timeline").at("by") == by);
        const json& bars = answer.at("timeline").at("bars");
        REQUIRE(bars.size() >= 2);
        std::string previous;
        for (const json& bar : bars) {
            INFO(bar.dump());
            const std::string date = bar.at("first_date").is_null() ? "~" : bar.at("first_date").get<std::string>();
            CHECK(previous <= date);
            previous = date;
            REQUIRE(bar.at("filter").is_string());
            const std::string filter = bar.at("filter");
            CHECK(s.get_json("/api/search?limit=1&q=" + url_encode("trafficking " + filter)).at("total") == bar.at("count"));
        }
    }
    // The facet sidebar's meetings carry the same filters: a count and its link agree.
    // Kept in a variable: a range-for over a member of a temporary would read freed memory.
    const json facets = s.get_json("/api/search?q=trafficking&limit=1");
    for (const json& m : facets.at("facets").at("meeting")) {
        INFO(m.dump());
        REQUIRE(m.at("filter").is_string());
        CHECK(s.get_json("/api/search?limit=1&q=" + url_encode("trafficking " + m.at("filter").get<std::string>())).at("total") ==
              m.at("count"));
    }
    CHECK(s.get_json("/api/search?q=x&timeline=week", 400).at("error") ==
          "timeline must be one of none, meeting, year, type, not 'week'");
}

TEST_CASE("issue 18: one query, one count: the API and the CLI say the same number") {
    Served& s = server();
    for (const std::string q : {"trafficking", "victims protection", "\"the protection of victims\""}) {
        const size_t api = s.get_json("/api/search?limit=10&q=" + url_encode(q)).at("total");
        const size_t page = s.get_json("/api/search?limit=10&facets=1&timeline=meeting&q=" + url_encode(q)).at("total");
        RunResult cli = run_verbatim({"search", "--db", web_db(), q});
        INFO(q << ": " << cli.out);
        CHECK(api == page);
        CHECK(cli.out.find("\n" + std::to_string(api) + " matching unit") != std::string::npos);
    }
}

TEST_CASE("serve: other hosts, unknown routes") {
    Served& s = server();
    auto rebinding = s.get("/api/stats", {{"Host", "evil.example:8080"}});
    REQUIRE(rebinding);
    CHECK(rebinding->status == 403);
    auto local = s.get("/api/stats", {{"Host", "localhost:" + std::to_string(s.port)}});
    REQUIRE(local);
    CHECK(local->status == 200);
    CHECK(s.get_json("/api/nothing", 404).at("error") == "no such page: /api/nothing");
}

TEST_CASE("serve: keeps answering, from the newest revision, while the index is updated") {
    fs::path docs = fresh_dir("web-live");
    write_file(docs / "a.txt", "LIVE/1\n\n1. The first report speaks of wombats and their burrows.\n");
    std::string db = (fresh_dir("web-live-db") / "verbatim.db").string();
    REQUIRE(run_verbatim({"index", "--db", db, docs.string()}).exit_code == 0);
    Served live(db);
    CHECK(live.get_json("/api/search?q=wombats").at("total") == 1);
    CHECK(live.get_json("/api/search?q=quokkas").at("total") == 0);

    // Searches run on in another thread while `verbatim index` commits, twice.
    std::atomic<bool> stop{false};
    std::atomic<int> answered{0}, failed{0};
    std::thread reader([&] {
        httplib::Client c("127.0.0.1", live.port);
        while (!stop) {
            auto res = c.Get("/api/search?q=wombats&facets=1");
            if (res && res->status == 200) ++answered;
            else ++failed;
        }
    });
    for (int round = 0; round < 2; ++round) {
        write_file(docs / ("b" + std::to_string(round) + ".txt"),
                   "LIVE/2/" + std::to_string(round) + "\n\n1. A later report counts quokkas and wombats.\n");
        RunResult r = run_verbatim({"index", "--db", db, docs.string()});
        INFO(r.err);
        CHECK(r.exit_code == 0);
    }
    stop = true;
    reader.join();
    CHECK(failed == 0);
    CHECK(answered > 0);
    // No restart: the new documents are found.
    CHECK(live.get_json("/api/search?q=quokkas").at("total") == 2);
    CHECK(live.get_json("/api/stats").at("documents") == 3);
}

TEST_CASE("serve: prints its address, stops cleanly on SIGINT and SIGTERM") {
    for (int sig : {SIGINT, SIGTERM}) {
        Served s(web_db());
        CHECK(s.get_json("/api/stats").at("documents") > 0);
        REQUIRE(kill(s.process.pid, sig) == 0);
        CHECK(wait_exit(s.process) == 0);
        CHECK(read_text(s.process.out).find("verbatim: stopped") != std::string::npos);
        s.process.pid = -1;
    }
}

TEST_CASE("serve: no index, or a port in use, is an error (exit 2)") {
    RunResult none = run_verbatim({"serve", "--db", (fresh_dir("web-none") / "missing.db").string(), "--port", "0"});
    CHECK(none.exit_code == 2);
    CHECK(none.err.find("no index at") != std::string::npos);
    // Spawned, so that a server that did bind (sharing the port) fails the test instead of hanging it.
    Spawned busy = spawn_verbatim({"serve", "--db", web_db(), "--port", std::to_string(server().port)});
    int status = 0, waited = 0;
    for (; waited < 100 && waitpid(busy.pid, &status, WNOHANG) == 0; ++waited)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (waited == 100) {
        kill(busy.pid, SIGKILL);
        wait_exit(busy);
        FAIL("a second server listened on a port in use");
    }
    CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 2));
    CHECK(read_text(busy.err).find("cannot listen on 127.0.0.1:" + std::to_string(server().port)) != std::string::npos);
}
