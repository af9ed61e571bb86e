// `verbatim fetch` end to end, against a server this test starts on 127.0.0.1 that
// answers as the Official Document System does, awkward answers included: a redirect to
// the PDF, a 200 with an HTML viewer, a 64-byte stub, a 404, a 429 then the PDF, a body
// that stalls, a body cut in the middle, a PDF without its end, one document under two
// symbols. The real binary runs; files, manifest, summary and exit codes are checked.
#include <doctest/doctest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <mutex>
#include <regex>
#include <thread>

#include "fetch/fetcher.h"
#include "tests/e2e/spawn.h"
#include "tests/e2e/support.h"

using namespace verbatim::e2e;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::string corpus_pdf(const char* stem) { return read_text(corpus_dir() / (std::string(stem) + ".pdf")); }

struct Request {
    std::string symbol, lang, format, user_agent;
    Clock::time_point at;
};

// An ODS stand-in: /api/symbol/access?s=&l=&t= answers by symbol, as the table in
// answer() says; /files/ serves the PDFs it redirects to.
class FakeOds {
  public:
    FakeOds() {
        signal(SIGPIPE, SIG_IGN);
        server_.Get("/api/symbol/access", [this](const httplib::Request& req, httplib::Response& res) {
            {
                std::lock_guard<std::mutex> lock(mutex_);
                requests_.push_back({req.get_param_value("s"), req.get_param_value("l"), req.get_param_value("t"),
                                     req.get_header_value("User-Agent"), Clock::now()});
            }
            answer(req.get_param_value("s"), req.get_param_value("l"), res);
        });
        // As a proxy: the request line names the whole URL of another host.
        server_.Get(R"(http://ods\.invalid/api/symbol/access)", [this](const httplib::Request& req, httplib::Response& res) {
            std::lock_guard<std::mutex> lock(mutex_);
            requests_.push_back({"via proxy: " + req.get_param_value("s"), req.get_param_value("l"),
                                 req.get_param_value("t"), req.get_header_value("User-Agent"), Clock::now()});
            res.set_content(pdf002, "application/pdf");
        });
        server_.Get("/files/001.pdf", [this](const httplib::Request&, httplib::Response& res) {
            res.set_content(pdf001, "application/pdf");
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        // bind_to_any_port already listens: a request made now waits in the queue.
    }
    ~FakeOds() {
        release_kill = true;
        server_.stop();
        thread_.join();
    }
    FakeOds(const FakeOds&) = delete;
    FakeOds& operator=(const FakeOds&) = delete;

    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    std::vector<Request> requests(const std::string& symbol) {
        std::lock_guard<std::mutex> lock(mutex_);
        std::vector<Request> out;
        for (const Request& r : requests_)
            if (r.symbol == symbol) out.push_back(r);
        return out;
    }
    size_t request_count() {
        std::lock_guard<std::mutex> lock(mutex_);
        return requests_.size();
    }

    const std::string pdf001 = corpus_pdf("001_7d3c025fb8d284f4");
    const std::string pdf002 = corpus_pdf("002_45ee7947d44a7b42");
    const std::string pdf003 = corpus_pdf("003_a5e177348e1654f8");
    const std::string pdf004 = corpus_pdf("004_3a88ebd39cf7b894");
    std::atomic<bool> kill_started{false};
    std::atomic<bool> release_kill{false};

  private:
    void answer(const std::string& s, const std::string& lang, httplib::Response& res) {
        if (s == "TEST/2020/1" || s == "CTOC/COP/WG.4/2020/4") {
            res.set_redirect("/files/001.pdf");  // ODS redirects to the file
        } else if (s == "TEST/2020/2" && lang == "en") {
            res.set_content(pdf002, "application/pdf");
        } else if (s == "TEST/2020/3") {
            res.set_content("<!DOCTYPE html><html><head><title>ODS</title></head><body>" + std::string(4000, ' ') +
                                "<div id=viewer></div></body></html>",
                            "text/html");
        } else if (s == "TEST/2020/4") {
            res.set_content("%PDF-1.7\nThis document is not available in this language.\n%%EOF\n", "application/pdf");
        } else if (s == "TEST/2020/6" && requests("TEST/2020/6").size() == 1) {
            res.status = 429;
            res.set_header("Retry-After", "1");
            res.set_content("slow down", "text/plain");
        } else if (s == "TEST/2020/6") {
            res.set_content(pdf003, "application/pdf");
        } else if (s == "SLOW/1") {
            // Half the PDF, then silence for longer than the client's --timeout.
            res.set_content_provider(pdf002.size(), "application/pdf", [this](size_t offset, size_t, httplib::DataSink& sink) {
                if (offset > 0) {
                    std::this_thread::sleep_for(std::chrono::seconds(3));
                    return false;
                }
                sink.write(pdf002.data(), pdf002.size() / 2);
                return true;
            });
        } else if (s == "CUT/1") {
            // Content-Length says the whole PDF; the connection closes halfway.
            res.set_content_provider(pdf002.size(), "application/pdf", [this](size_t offset, size_t, httplib::DataSink& sink) {
                if (offset > 0) return false;
                sink.write(pdf002.data(), pdf002.size() / 2);
                return true;
            });
        } else if (s == "NOEOF/1") {
            res.set_content(pdf002.substr(0, pdf002.size() - 3000), "application/pdf");  // complete HTTP, cut PDF
        } else if (s == "TWIN/A" || s == "TWIN/B") {
            res.set_content(pdf004, "application/pdf");  // one document with two symbols
        } else if (s == "KILL/1") {
            // The first request stalls after a first part until the test has killed the client.
            const bool stall = !kill_started.exchange(true);
            res.set_content_provider(pdf003.size(), "application/pdf", [this, stall](size_t offset, size_t, httplib::DataSink& sink) {
                if (offset == 0) {
                    sink.write(pdf003.data(), 20000);
                    return true;
                }
                for (int i = 0; stall && !release_kill && i < 200; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
                if (stall) return false;
                sink.write(pdf003.data() + offset, pdf003.size() - offset);
                return true;
            });
        } else if (s == "CTOC/COP/WG.4/2020/2") {
            res.set_content(pdf004, "application/pdf");
        } else {
            res.status = 404;
            res.set_content("Not Found", "text/plain");
        }
    }

    httplib::Server server_;
    std::thread thread_;
    int port_ = 0;
    std::mutex mutex_;
    std::vector<Request> requests_;
};

// Quick settings: no delay, short timeouts, one retry without backoff.
std::vector<std::string> fetch_args(const FakeOds& ods, const fs::path& into, std::vector<std::string> rest) {
    std::vector<std::string> args{"fetch", "--ods-url", ods.url(), "--into", into.string(), "--delay", "0",
                                  "--timeout", "1", "--retries", "1", "--backoff", "0"};
    args.insert(args.end(), rest.begin(), rest.end());
    return args;
}

std::vector<std::string> files_in(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("fetch saves whole documents only, says why for the rest, and asks once") {
    FakeOds ods;
    const fs::path into = fresh_dir("fetch_docs");
    const auto start = Clock::now();
    RunResult r = run_verbatim(fetch_args(ods, into, {"TEST/2020/1-6", "SLOW/1", "CUT/1", "NOEOF/1", "TWIN/A", "TWIN/B"}));
    INFO(r.err);
    CHECK(r.exit_code == 1);  // some were missing
    CHECK(std::chrono::duration<double>(Clock::now() - start).count() < 15);

    // Only whole documents, under readable names; nothing partial left behind.
    CHECK(files_in(into) == std::vector<std::string>{"TEST_2020_1.en.pdf", "TEST_2020_2.en.pdf", "TEST_2020_6.en.pdf",
                                                     "TWIN_A.en.pdf", "manifest.ini"});
    CHECK(read_text(into / "TEST_2020_1.en.pdf") == ods.pdf001);  // through the redirect
    CHECK(read_text(into / "TEST_2020_6.en.pdf") == ods.pdf003);  // after the 429

    // One line each for what is missing, naming symbol, language and cause.
    for (const char* line : {"verbatim: TEST/2020/3 (en): not found: an HTML page, not a PDF\n",
                             "verbatim: TEST/2020/4 (en): not found: a 64-byte stub, not a PDF\n",
                             "verbatim: TEST/2020/5 (en): not found: HTTP 404 (no such document)\n",
                             "verbatim: SLOW/1 (en): failed: timed out",
                             "verbatim: CUT/1 (en): failed: truncated: 36545 of 73091 bytes, 2 attempts\n",
                             "verbatim: NOEOF/1 (en): failed: truncated: a PDF without its end marker (%%EOF)"}) {
        CAPTURE(line);
        CHECK(r.err.find(line) != std::string::npos);
    }
    CHECK(r.err.find("fetched 4, already there 1, not found 3, failed 3 -> " + into.string() + "\n") != std::string::npos);
    CHECK(r.err.find("  not found: TEST/2020/3 (en), TEST/2020/4 (en), TEST/2020/5 (en)\n") != std::string::npos);
    CHECK(r.err.find("  failed: SLOW/1 (en), CUT/1 (en), NOEOF/1 (en)\n") != std::string::npos);
    CHECK(r.err.find("  already there: TWIN/B (en)\n") != std::string::npos);
    CHECK(r.err.find('\r') == std::string::npos);  // no progress bar when stderr is a file

    // The manifest says what each file is, where and when it came from, and its hash.
    const std::string manifest = read_text(into / "manifest.ini");
    CHECK(manifest.find("[TEST_2020_1.en.pdf]\nsymbol = TEST/2020/1\nlang = en\nsource_url = " + ods.url() +
                        "/api/symbol/access?s=TEST/2020/1&l=en&t=pdf\nfetched_at = ") != std::string::npos);
    CHECK(manifest.find("sha256 = " + verbatim::fetch::sha256_hex(ods.pdf001) + "\n") != std::string::npos);
    CHECK(std::regex_search(manifest, std::regex(R"(fetched_at = \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n)")));
    // The same document under two symbols: one file, the second symbol recorded with it.
    CHECK(std::regex_search(manifest, std::regex(R"(\[TWIN_A\.en\.pdf\]\nsymbol = TWIN/A\n(.*\n){4}other_symbols = TWIN/B\n)")));

    // Polite: verbatim names itself; the 429's Retry-After was waited out; the stalled
    // and the cut transfers were retried once.
    const auto limited = ods.requests("TEST/2020/6");
    REQUIRE(limited.size() == 2);
    CHECK(std::chrono::duration<double>(limited[1].at - limited[0].at).count() >= 0.9);
    CHECK(limited[0].user_agent.starts_with("verbatim/"));
    CHECK(ods.requests("SLOW/1").size() == 2);
    CHECK(ods.requests("CUT/1").size() == 2);
    CHECK(ods.requests("TEST/2020/5").size() == 1);  // a 404 is an answer, not retried

    // Again: what is there with its recorded content is not asked for.
    const size_t before = ods.request_count();
    RunResult again = run_verbatim(fetch_args(ods, into, {"TEST/2020/1-2", "TEST/2020/6", "TWIN/A", "TWIN/B"}));
    INFO(again.err);
    CHECK(again.exit_code == 0);
    CHECK(ods.request_count() == before);
    CHECK(again.err.find("fetched 0, already there 5, not found 0, failed 0") != std::string::npos);

    // A file changed since is fetched again.
    write_file(into / "TEST_2020_1.en.pdf", "damaged");
    RunResult changed = run_verbatim(fetch_args(ods, into, {"TEST/2020/1"}));
    CHECK(changed.exit_code == 0);
    CHECK(ods.request_count() == before + 1);
    CHECK(read_text(into / "TEST_2020_1.en.pdf") == ods.pdf001);
}

TEST_CASE("a kill mid-download leaves no partial document, and the next run resumes") {
    FakeOds ods;
    const fs::path into = fresh_dir("fetch_kill");
    Spawned p = spawn_verbatim(fetch_args(ods, into, {"TEST/2020/1", "KILL/1"}));
    for (int i = 0; i < 200 && !ods.kill_started; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    REQUIRE(ods.kill_started);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the first part arrives
    kill(p.pid, SIGKILL);
    CHECK(wait_exit(p) == 128 + SIGKILL);
    ods.release_kill = true;
    CHECK(fs::exists(into / "TEST_2020_1.en.pdf"));
    CHECK_FALSE(fs::exists(into / "KILL_1.en.pdf"));
    CHECK(read_text(into / "manifest.ini").find("KILL") == std::string::npos);

    RunResult r = run_verbatim(fetch_args(ods, into, {"TEST/2020/1", "KILL/1"}));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("fetched 1, already there 1, not found 0, failed 0") != std::string::npos);
    CHECK(read_text(into / "KILL_1.en.pdf") == ods.pdf003);
    CHECK(files_in(into) == std::vector<std::string>{"KILL_1.en.pdf", "TEST_2020_1.en.pdf", "manifest.ini"});
}

TEST_CASE("fetch --index gives a searchable index, in the languages asked for") {
    FakeOds ods;
    const fs::path into = fresh_dir("fetch_index");
    const std::string db = (fresh_dir("fetch_index_db") / "db").string();
    RunResult r = run_verbatim(fetch_args(ods, into, {"--lang", "en,fr", "--index", db, "TEST/2020/2"}));
    INFO(r.err);
    CHECK(r.exit_code == 1);  // not issued in French
    CHECK(r.err.find("verbatim: TEST/2020/2 (fr): not found: HTTP 404 (no such document)\n") != std::string::npos);
    CHECK(r.err.find("indexed 1 file") != std::string::npos);
    const auto fr = ods.requests("TEST/2020/2");
    REQUIRE(fr.size() == 2);
    CHECK(fr[1].lang == "fr");
    CHECK(fr[1].format == "pdf");

    RunResult search = run_verbatim({"search", "--db", db, "--limit", "1", "symbol:TEST/2020/2"});
    INFO(search.err);
    CHECK(search.exit_code == 0);
    CHECK(search.out.find("TEST/2020/2") != std::string::npos);
}

TEST_CASE("fetch --follow-citations fetches what the indexed units cite, to the depth asked") {
    FakeOds ods;
    const fs::path into = fresh_dir("fetch_follow");
    const std::string db = (fresh_dir("fetch_follow_db") / "db").string();
    RunResult r = run_verbatim(fetch_args(ods, into, {"--follow-citations", db, "--depth", "2", "CTOC/COP/WG.4/2020/4"}));
    INFO(r.err);
    CHECK(r.exit_code == 1);  // most cited documents are not on this server
    // Round 1: the report cites the background papers of its meeting; round 2: what they cite.
    CHECK(ods.requests("CTOC/COP/WG.4/2020/1").size() == 1);
    CHECK(ods.requests("CTOC/COP/WG.4/2020/2").size() == 1);
    CHECK(ods.requests("A/RES/74/176").size() == 1);
    CHECK(ods.requests("CTOC/COP/WG.4/2020/4").size() == 1);  // in the index: not asked again
    CHECK(fs::exists(into / "CTOC_COP_WG.4_2020_2.en.pdf"));
    CHECK(r.err.find("citations, round 2: ") != std::string::npos);
    RunResult search = run_verbatim({"search", "--db", db, "--limit", "1", "symbol:CTOC/COP/WG.4/2020/2"});
    CHECK(search.exit_code == 0);
}

TEST_CASE("fetch usage errors exit 2 and say what is wrong") {
    struct Case {
        std::vector<std::string> args;
        const char* message;
    };
    for (const Case& c : std::vector<Case>{
             {{"fetch", "--lang", "english", "A/1"}, "--lang: 'english' is not a two-letter language code"},
             {{"fetch", "A/RES/74/180-170"}, "the range 180-170 runs backwards"},
             {{"fetch"}, "no symbols: give SYMBOL..., --from FILE or --follow-citations DB"},
             {{"fetch", "--format", "doc", "A/1"}, "--format"},
             {{"fetch", "--ods-url", "ftp://x", "A/1"}, "is not an http:// or https:// URL"},
             {{"fetch", "--from", "/nonexistent/list", "A/1"}, "--from: cannot read /nonexistent/list"},
         }) {
        RunResult r = run_verbatim(c.args);
        CAPTURE(c.message);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find(c.message) != std::string::npos);
    }
}

TEST_CASE("fetch --from reads symbols and ranges, and the ODS URL may come from the environment") {
    FakeOds ods;
    const fs::path into = fresh_dir("fetch_from");
    write_file(into.parent_path() / "fetch_list.txt", "# the meeting\nTEST/2020/1-2   # report and paper\n\nTWIN/A\n");
    RunResult r = run_verbatim({"fetch", "--into", into.string(), "--delay", "0", "--from",
                                (into.parent_path() / "fetch_list.txt").string()},
                               {{"VERBATIM_ODS_URL", ods.url() + "/api/symbol/access?s={symbol}&l={lang}&t={format}"}});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(files_in(into) ==
          std::vector<std::string>{"TEST_2020_1.en.pdf", "TEST_2020_2.en.pdf", "TWIN_A.en.pdf", "manifest.ini"});
}

TEST_CASE("fetch --help says it needs the internet and what it sends") {
    RunResult r = run_verbatim({"fetch", "--help"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Needs the internet") != std::string::npos);
    CHECK(r.out.find("User-Agent") != std::string::npos);
}

TEST_CASE("fetch draws a progress bar on a terminal") {
    FakeOds ods;
    const fs::path into = fresh_dir("fetch_tty");
    const RunResult r = run_on_terminal(fetch_args(ods, into, {"TEST/2020/1", "TEST/2020/2"}));
    const std::string& seen = r.out;
    INFO(seen);
    CHECK(r.exit_code == 0);
    CHECK(seen.find("] 1/2  TEST/2020/2 (en)") != std::string::npos);
    CHECK(seen.find("\r\x1b[K") != std::string::npos);  // redrawn in place, then cleared
    CHECK(seen.find("fetched 2, already there 0, not found 0, failed 0") != std::string::npos);
}

TEST_CASE("fetch goes through the proxy the environment names") {
    FakeOds ods;
    const fs::path into = fresh_dir("fetch_proxy");
    RunResult r = run_verbatim({"fetch", "--ods-url", "http://ods.invalid", "--into", into.string(), "--delay", "0",
                                "--timeout", "2", "TEST/2020/2"},
                               {{"http_proxy", ods.url()}, {"no_proxy", ""}, {"NO_PROXY", ""}});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(ods.requests("via proxy: TEST/2020/2").size() == 1);
    CHECK(read_text(into / "TEST_2020_2.en.pdf") == ods.pdf002);
}
