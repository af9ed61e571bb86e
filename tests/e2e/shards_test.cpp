// Shards: corpus/ indexed by year into three shards, each served by xapian-tcpsrv on
// loopback, must answer exactly as one database holding everything; a stopped server
// must be named, and --allow-partial must answer from the rest. Units of equal score come
// in the same order on every layout (issue 20), pages too.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "tests/e2e/support.h"

using namespace verbatim::e2e;
namespace fs = std::filesystem;

namespace {

// A port nobody listens on now (the kernel picks it).
int free_port() {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    getsockname(s, reinterpret_cast<sockaddr*>(&a), &len);
    close(s);
    return ntohs(a.sin_port);
}

bool accepts(int port) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bool ok = connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    close(s);
    return ok;
}

// xapian-tcpsrv serving one shard. It signals its whole process group when it stops,
// so it gets a group of its own.
struct Server {
    pid_t pid = -1;
    int port = 0;
    Server(const fs::path& db, int p) : port(p) {
        pid = fork();
        if (pid == 0) {
            setpgid(0, 0);
            std::string port_arg = std::to_string(port);
            execlp("xapian-tcpsrv", "xapian-tcpsrv", "--interface", "127.0.0.1", "--port", port_arg.c_str(),
                   db.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        for (int i = 0; i < 100 && !accepts(port); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    void stop() {
        if (pid <= 0) return;
        kill(-pid, SIGKILL);
        waitpid(pid, nullptr, 0);
        pid = -1;
    }
    ~Server() { stop(); }
};

// The hits of JSON lines without their rank, in a fixed order.
std::vector<std::string> hits_unranked(const std::string& jsonl) {
    std::vector<std::string> out;
    std::istringstream in(jsonl);
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        nlohmann::json j = nlohmann::json::parse(line);
        j.erase("rank");
        out.push_back(j.dump());
    }
    std::sort(out.begin(), out.end());
    return out;
}

// The same command against one database and against the shards: the same output.
void same_answer(const std::string& one, const std::string& shards, const std::vector<std::string>& args) {
    std::vector<std::string> a{args[0], "--db", one}, b{args[0], "--db", shards};
    a.insert(a.end(), args.begin() + 1, args.end());
    b.insert(b.end(), args.begin() + 1, args.end());
    RunResult x = run_verbatim(a), y = run_verbatim(b);
    INFO("verbatim ", args[0], " ", args.back(), "\nshards stderr: ", y.err);
    CHECK(x.exit_code == y.exit_code);
    CHECK(!x.out.empty());
    CHECK(x.out == y.out);
}

}  // namespace

TEST_CASE("three shards served by xapian-tcpsrv answer as one database") {
    const std::string one = corpus_db();
    const fs::path dir = fresh_dir("shards");
    const fs::path sharded = dir / "db";
    RunResult indexed = run_verbatim({"index", "--db", sharded.string(), "--shard-by", "year", corpus_dir().string()});
    REQUIRE(indexed.exit_code == 0);
    for (const char* year : {"2018", "2019", "2020"}) REQUIRE(fs::is_directory(sharded / (std::string("shard-") + year)));
    REQUIRE(fs::is_regular_file(sharded / "verbatim.stub"));

    // Re-running finds every file record in the shard that holds its document.
    RunResult again = run_verbatim({"index", "--db", sharded.string(), corpus_dir().string()});
    CHECK(again.err.find("indexed 0 files (0 units), 10 unchanged, 0 removed") != std::string::npos);

    std::vector<Server> servers;
    servers.reserve(3);
    std::string stub_text;
    for (const char* year : {"2018", "2019", "2020"}) {
        servers.emplace_back(sharded / (std::string("shard-") + year), free_port());
        stub_text += "remote tcp 127.0.0.1 " + std::to_string(servers.back().port) + "\n";
    }
    const fs::path stub = dir / "remote.stub";
    write_file(stub, stub_text);

    for (const std::string& shards : {stub.string(), sharded.string()}) {
        CAPTURE(shards);
        same_answer(one, shards, {"search", "--json", "--sort", "newest", "--offset", "3", "--limit", "40", "trafficking"});
        same_answer(one, shards, {"search", "--json", "--limit", "20", "lang:en"});  // filters only: date order
        same_answer(one, shards, {"search", "--group", "meeting", "--limit", "2", "trafficking"});
        same_answer(one, shards, {"facets", "--json", "non-punishment"});
        same_answer(one, shards, {"search", "--facets", "--limit", "3", "victims"});
        same_answer(one, shards, {"cite", "--json", "CTOC/COP/WG.4/2020/4, para. 12"});
        same_answer(one, shards, {"cite", "CTOC/COP/WG.4/2020/4"});
        same_answer(one, shards, {"cite", "--cited-by", "A/RES/74/176"});
        same_answer(one, shards, {"agreed", "the non-punishment principle"});
        same_answer(one, shards, {"search", "--json", "--limit", "10", "traffick*"});

        // Relevance: the same scores, and units of equal score in the same order.
        RunResult x = run_verbatim({"search", "--db", one, "--json", "--limit", "1000", "trafficking persons"});
        RunResult y = run_verbatim({"search", "--db", shards, "--json", "--limit", "1000", "trafficking persons"});
        std::vector<std::string> xs = json_field(x.out, "score"), ys = json_field(y.out, "score");
        REQUIRE(xs.size() > 20);
        CHECK(xs == ys);
        CHECK(hits_unranked(x.out) == hits_unranked(y.out));
        CHECK(x.out == y.out);
    }

    // A server stops: the user is told which shard is missing...
    const std::string missing = "remote tcp 127.0.0.1 " + std::to_string(servers[1].port);
    servers[1].stop();
    RunResult down = run_verbatim({"search", "--db", stub.string(), "trafficking"});
    CHECK(down.exit_code == 2);
    CHECK(down.err.find(missing) != std::string::npos);
    CHECK(down.err.find("--allow-partial") != std::string::npos);
    // ...and with --allow-partial gets the answers of the others, marked partial.
    RunResult partial = run_verbatim({"search", "--db", stub.string(), "--allow-partial", "--json", "trafficking"});
    CHECK(partial.exit_code == 0);
    CHECK(partial.err.find("partial answer: 2 of 3 shards searched; missing: " + missing) != std::string::npos);
    RunResult full = run_verbatim({"search", "--db", one, "--json", "trafficking"});
    CHECK(!partial.out.empty());
    CHECK(partial.out != full.out);
}

TEST_CASE("several --db options are shards of one index") {
    const fs::path dir = fresh_dir("shards-n");
    const fs::path db = dir / "db";
    REQUIRE(run_verbatim({"index", "--db", db.string(), "--shard-by", "2", corpus_dir().string()}).exit_code == 0);
    RunResult x = run_verbatim({"cite", "--db", corpus_db(), "CTOC/COP/WG.4/2020/4, para. 12"});
    RunResult y = run_verbatim({"cite", "--db", (db / "shard-0").string(), "--db", (db / "shard-1").string(),
                                "CTOC/COP/WG.4/2020/4, para. 12"});
    CHECK(y.exit_code == 0);
    CHECK(x.out == y.out);
    RunResult s = run_verbatim({"stats", "--db", db.string(), "--json"});
    CHECK(s.out.find("\"files\":10") != std::string::npos);
    // A sharded folder keeps its scheme.
    RunResult other = run_verbatim({"index", "--db", db.string(), "--shard-by", "year", corpus_dir().string()});
    CHECK(other.exit_code == 2);
    CHECK(other.err.find("sharded by 2, not year") != std::string::npos);
}

namespace {

// Twelve documents on three dates, each of six paragraphs of one length that all hold
// "quorum" once: a word whose matches all tie. One document alone holds "sustainment",
// so the forms of "sustain" are spread unevenly over the shards.
fs::path tied_corpus(const fs::path& dir) {
    const fs::path docs = dir / "docs";
    std::string manifest;
    const char* dates[] = {"2019-01-10", "2019-06-01", "2020-02-02"};
    const char* verbs[] = {"considered", "sustained", "examined", "sustaining", "reviewed", "sustains"};
    for (int d = 0; d < 12; ++d) {
        const std::string name = "note-" + std::string(d < 10 ? "0" : "") + std::to_string(d);
        std::string text = "Note " + std::to_string(d) + " on the rules\n\n";
        for (int p = 1; p <= 6; ++p) {
            const std::string verb = d == 7 && p == 4 ? "sustainment" : verbs[(d + p) % 6];
            text += std::to_string(p) + ". The delegates of the committee " + verb + " the quorum rule with care.\n\n";
        }
        write_file(docs / (name + ".txt"), text);
        manifest += "[" + name + "]\nname = " + name + "\ndate = " + dates[d % 3] + "\ntype = report\n\n";
    }
    write_file(docs / "manifest.ini", manifest);
    return docs;
}

// The ids of JSON lines (their units, in order) and their scores.
std::vector<std::string> ids_and_scores(const std::string& jsonl) {
    std::vector<std::string> ids = json_field(jsonl, "id"), scores = json_field(jsonl, "score");
    for (size_t i = 0; i < ids.size() && i < scores.size(); ++i) ids[i] += " " + scores[i];
    return ids;
}

}  // namespace

TEST_CASE("issue 20: units of equal score come in one order from one database and from local and remote shards") {
    const fs::path dir = fresh_dir("shards-ties");
    const fs::path docs = tied_corpus(dir);
    const std::string one = (dir / "one").string();
    REQUIRE(run_verbatim({"index", "--db", one, docs.string()}).exit_code == 0);
    std::vector<std::string> layouts;
    std::vector<Server> servers;
    servers.reserve(5);
    for (const char* n : {"2", "3"}) {
        const fs::path sharded = dir / (std::string("s") + n);
        REQUIRE(run_verbatim({"index", "--db", sharded.string(), "--shard-by", n, docs.string()}).exit_code == 0);
        layouts.push_back(sharded.string());
        std::string stub_text;
        for (const auto& entry : fs::directory_iterator(sharded))
            if (entry.is_directory()) {
                servers.emplace_back(entry.path(), free_port());
                stub_text += "remote tcp 127.0.0.1 " + std::to_string(servers.back().port) + "\n";
            }
        const fs::path stub = dir / (std::string("remote") + n + ".stub");
        write_file(stub, stub_text);
        layouts.push_back(stub.string());
    }

    for (const std::string query : {"quorum", "sustain", "committee quorum delegates", "quorum OR sustainment"}) {
        CAPTURE(query);
        const RunResult whole = run_verbatim({"search", "--db", one, "--json", "--limit", "1000", query});
        const std::vector<std::string> all = ids_and_scores(whole.out);
        REQUIRE(all.size() >= 12);
        for (const std::string& db : layouts) {
            CAPTURE(db);
            CHECK(ids_and_scores(run_verbatim({"search", "--db", db, "--json", "--limit", "1000", query}).out) == all);
            // Every page of seven is that part of the whole list, on every layout.
            for (size_t offset = 0; offset < all.size(); offset += 7) {
                CAPTURE(offset);
                RunResult page = run_verbatim(
                    {"search", "--db", db, "--json", "--offset", std::to_string(offset), "--limit", "7", query});
                std::vector<std::string> want(all.begin() + static_cast<long>(offset),
                                              all.begin() + static_cast<long>(std::min(all.size(), offset + 7)));
                CHECK(ids_and_scores(page.out) == want);
            }
        }
    }
    for (const std::string& db : layouts) {
        CAPTURE(db);
        same_answer(one, db, {"search", "--json", "--sort", "newest", "--offset", "5", "--limit", "30", "quorum"});
        same_answer(one, db, {"search", "--json", "--sort", "oldest", "--offset", "5", "--limit", "30", "quorum"});
        same_answer(one, db, {"search", "--group", "document", "--limit", "2", "quorum"});
        same_answer(one, db, {"agreed", "--json", "The delegates of the committee considered the quorum rule with care."});
    }
}
