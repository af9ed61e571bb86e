// Shards: corpus/ indexed by year into three shards, each served by xapian-tcpsrv on
// loopback, must answer exactly as one database holding everything; a stopped server
// must be named, and --allow-partial must answer from the rest.
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

        // Relevance: the same scores in the same order; units of equal score may come in
        // another order (Xapian breaks ties by document number, which sharding changes), so
        // every match is asked for.
        RunResult x = run_verbatim({"search", "--db", one, "--json", "--limit", "1000", "trafficking persons"});
        RunResult y = run_verbatim({"search", "--db", shards, "--json", "--limit", "1000", "trafficking persons"});
        std::vector<std::string> xs = json_field(x.out, "score"), ys = json_field(y.out, "score");
        REQUIRE(xs.size() > 20);
        CHECK(xs == ys);
        CHECK(hits_unranked(x.out) == hits_unranked(y.out));
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
