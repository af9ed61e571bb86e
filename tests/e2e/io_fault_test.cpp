// Issue 16: I/O faults, as SQLite tests them. An LD_PRELOAD shim (tests/io_fault/io_fault.c)
// makes the Nth write, fsync or rename of a file of the index fail with EIO or ENOSPC, for
// N spread over every such call a run makes (counted in a dry run), in a first (parallel)
// build and in an incremental run. After each faulted run: the index opens, passes
// xapian-check and answers as the last commit did (before or after the run, never a mix);
// a run that failed said so (exit status, message); and a normal run then gives the same
// answers as an uninterrupted one. The counts are printed; corrupt indexes must be 0.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "indexer/extract/address_sanitizer.h"
#include "tests/e2e/support.h"

extern char** environ;

using namespace verbatim::e2e;
namespace fs = std::filesystem;

namespace {

struct Run {
    int status = -1;  // exit status, 128 + signal
    std::string err;
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Runs a program with extra environment variables, stdout to `out`; thread-safe (the
// doctest helpers are not, and the fault points run several at a time).
Run spawn(const std::vector<std::string>& args, const std::vector<std::string>& env, const fs::path& out,
          const fs::path& err) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<std::string> env_strings;
    for (char** e = environ; *e; ++e) env_strings.emplace_back(*e);
    for (const std::string& e : env) env_strings.push_back(e);
    std::vector<char*> envp, argv;
    for (std::string& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);
    std::vector<std::string> copy = args;
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    Run r;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data()) == 0) {
        int status = 0;
        waitpid(pid, &status, 0);
        r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    posix_spawn_file_actions_destroy(&actions);
    r.err = slurp(err);
    return r;
}

// A tiny corpus: three short reports (a parallel build needs more files than workers).
void write_report(const fs::path& file, const std::string& symbol, const std::string& words) {
    write_file(file, symbol + "\n\nDistr.: General 1 March 2021\n\nReport of the Working Group\n\n1. The Working Group "
                              "considered " + words + ".\n\n2. It recommended that States " + words +
                         " further.\n\n3. The report was adopted.\n");
}

constexpr const char* kQuery = "working OR group OR states OR alpha OR beta OR gamma OR delta";

struct Point {
    std::string scenario, op;
    long n = 0;
    std::string error;  // EIO or ENOSPC
};

struct Outcome {
    bool corrupt = false;     // does not open, or xapian-check fails
    bool mixed = false;       // answers neither the old nor the new commit
    bool silent = false;      // failed without a message, or a wrong answer with exit 0
    bool not_repaired = false;
    std::string detail;
};

class Lab {
  public:
    Lab(fs::path root) : root_(std::move(root)) {}

    // The answers of the index at `db`: the sorted units one search finds (none when there
    // is no index yet: a first build cut short before its first commit).
    std::string answers(const fs::path& work, const fs::path& db) const {
        Run r = spawn({VERBATIM_BINARY, "search", "--db", db.string(), "--json", "--limit", "10000", kQuery}, {},
                      work / "answers.out", work / "answers.err");
        if (r.status == 2 && r.err.find("no index at") != std::string::npos) return "";
        if (r.status != 0 && r.status != 1) return "<error " + std::to_string(r.status) + ": " + r.err + ">";
        std::vector<std::string> ids;
        std::istringstream lines(slurp(work / "answers.out"));
        for (std::string line; std::getline(lines, line);) {
            nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
            if (j.is_object()) ids.push_back(j.value("id", "") + " " + j.value("text", ""));
        }
        std::sort(ids.begin(), ids.end());
        std::string out;
        for (const std::string& id : ids) out += id + "\n";
        return out;
    }

    bool xapian_check(const fs::path& work, const fs::path& db) const {
        std::vector<fs::path> databases;
        if (fs::exists(db / "iamglass")) databases.push_back(db);
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(db, ec))
            if (fs::exists(entry.path() / "iamglass")) databases.push_back(entry.path());  // shards
        for (const fs::path& d : databases) {
            Run r = spawn({"/usr/bin/xapian-check", d.string()}, {}, work / "check.out", work / "check.err");
            if (r.status != 0) return false;
        }
        return true;
    }

    Run index(const fs::path& work, const fs::path& db, const fs::path& docs, const std::vector<std::string>& env,
              const std::string& shard_by = "") const {
        std::vector<std::string> args{VERBATIM_BINARY, "index", "--db", db.string(), "--threads", "2", docs.string()};
        if (!shard_by.empty()) args.insert(args.end(), {"--shard-by", shard_by});
        return spawn(args, env, work / "index.out", work / "index.err");
    }

    fs::path root_;
};

std::vector<long> spread(long count, long wanted) {
    std::vector<long> out;
    if (count <= wanted) {
        for (long n = 1; n <= count; ++n) out.push_back(n);
        return out;
    }
    for (long k = 0; k < wanted; ++k) out.push_back(1 + k * (count - 1) / (wanted - 1));
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::map<std::string, long> read_counts(const fs::path& file) {
    std::map<std::string, long> counts;
    std::istringstream in(slurp(file));
    std::string op;
    long n = 0;
    while (in >> op >> n) counts[op] = n;
    return counts;
}

}  // namespace

TEST_CASE("I/O faults: every failed write, fsync or rename leaves the last commit whole, and the next run repairs") {
#ifdef VERBATIM_ASAN
    MESSAGE("skipped under AddressSanitizer: the LD_PRELOAD shim cannot come before its runtime");
    return;
#endif
    if (!fs::exists("/usr/bin/xapian-check")) {
        MESSAGE("skipped: xapian-check (Debian xapian-tools) is not installed");
        return;
    }
    const fs::path root = fresh_dir("io-faults");
    const Lab lab(root);
    const std::string shim = VERBATIM_IO_FAULT_SHIM;

    // Sources: the first build reads three reports; the incremental run, over the same
    // folder (the index's records name its files), sees one more and one changed. The
    // first-build scenario reads a copy of the first state.
    const fs::path first_docs = root / "first", later_docs = root / "docs";
    write_report(later_docs / "a.txt", "A/HRC/WG.1/2021/1", "alpha");
    write_report(later_docs / "b.txt", "A/HRC/WG.1/2021/2", "beta");
    write_report(later_docs / "c.txt", "A/HRC/WG.1/2021/3", "gamma");
    // And two seed reports, so that the index has more than a few blocks to write.
    fs::copy_file(corpus_dir() / "000_5eede202c1eb311f.txt", later_docs / "seed0.txt");
    fs::copy_file(corpus_dir() / "003_a5e177348e1654f8.txt", later_docs / "seed3.txt");
    fs::copy(later_docs, first_docs, fs::copy_options::recursive);

    // Reference states, uninterrupted; the bases the incremental runs start from.
    const fs::path ref = root / "ref";
    fs::create_directories(ref / "idx");
    REQUIRE(lab.index(ref, ref / "idx" / "db", later_docs, {}).status == 0);
    const std::string empty = lab.answers(ref, root / "nowhere" / "db");
    const std::string after_first = lab.answers(ref, ref / "idx" / "db");
    REQUIRE(after_first.find("alpha") != std::string::npos);
    const fs::path base = root / "base";
    fs::copy(ref / "idx", base, fs::copy_options::recursive);
    const fs::path sharded_base = root / "sharded-base";
    fs::create_directories(ref / "sharded");
    REQUIRE(lab.index(ref, ref / "sharded" / "db", later_docs, {}, "2").status == 0);
    REQUIRE(lab.answers(ref, ref / "sharded" / "db") == after_first);
    fs::copy(ref / "sharded", sharded_base, fs::copy_options::recursive);
    {
        const fs::path check = root / "check";
        fs::create_directories(check);
        REQUIRE(lab.index(check, check / "db", first_docs, {}).status == 0);
        REQUIRE(lab.answers(check, check / "db") == after_first);  // the copy answers the same
    }
    write_report(later_docs / "b.txt", "A/HRC/WG.1/2021/2", "beta and epsilon");
    write_report(later_docs / "d.txt", "A/HRC/WG.1/2021/4", "delta");
    REQUIRE(lab.index(ref, ref / "idx" / "db", later_docs, {}).status == 0);
    const std::string after_later = lab.answers(ref, ref / "idx" / "db");
    REQUIRE(after_later.find("epsilon") != std::string::npos);
    REQUIRE(after_later != after_first);
    // The sharded index (two shards by id), updated incrementally the same way.
    REQUIRE(lab.index(ref, ref / "sharded" / "db", later_docs, {}, "2").status == 0);
    REQUIRE(lab.answers(ref, ref / "sharded" / "db") == after_later);

    // Dry runs: how many calls of each kind each scenario makes on the index folder.
    // Shards commit one after the other: a failure between two commits may leave some
    // shards at the new state and others at the old (README, Reliability), so a sharded
    // run is held to whole shards (xapian-check) and to the repair by the next run.
    struct Scenario {
        std::string name;
        fs::path docs;
        const fs::path* base;  // the index the run starts from, none for a first build
        std::string before, after;
        std::string shard_by;
        long points_per_op;
    };
    const std::vector<Scenario> scenarios{
        {"first build (parallel)", first_docs, nullptr, empty, after_first, "", 40},
        {"incremental", later_docs, &base, after_first, after_later, "", 40},
        {"incremental, sharded", later_docs, &sharded_base, after_first, after_later, "2", 15}};
    auto prepare = [&](const Scenario& s, const fs::path& work) {
        std::error_code ec;
        fs::remove_all(work / "idx", ec);
        fs::create_directories(work);
        if (s.base) fs::copy(*s.base, work / "idx", fs::copy_options::recursive);
        else fs::create_directories(work / "idx");
    };
    std::vector<Point> points;
    std::map<std::string, long> total_calls;
    for (const Scenario& s : scenarios) {
        const fs::path work = root / "dry";
        prepare(s, work);
        Run r = lab.index(work, work / "idx" / "db", s.docs,
                          {"LD_PRELOAD=" + shim, "VERBATIM_FAULT_DIR=" + (work / "idx").string(),
                           "VERBATIM_FAULT_COUNTS=" + (work / "counts").string()},
                          s.shard_by);
        REQUIRE(r.status == 0);
        REQUIRE(lab.answers(work, work / "idx" / "db") == s.after);
        const auto counts = read_counts(work / "counts");
        MESSAGE(s.name << ": " << counts.at("write") << " writes, " << counts.at("fsync") << " syncs, "
                       << counts.at("rename") << " renames on the index");
        REQUIRE(counts.at("write") > 0);
        REQUIRE(counts.at("fsync") > 0);
        REQUIRE(counts.at("rename") > 0);
        // Each call with EIO, and every other one with ENOSPC too (a full disk).
        for (const std::string op : {"write", "fsync", "rename"}) {
            total_calls[op] += counts.at(op);
            int k = 0;
            for (long n : spread(counts.at(op), op == "write" ? s.points_per_op * 3 / 2 : s.points_per_op)) {
                points.push_back({s.name, op, n, "EIO"});
                if (k++ % 2 == 0) points.push_back({s.name, op, n, "ENOSPC"});
            }
        }
    }

    // The fault points, a few at a time (each in its own folder).
    std::vector<Outcome> outcomes(points.size());
    std::atomic<size_t> next{0};
    auto work_on = [&](size_t worker) {
        const fs::path work = root / ("w" + std::to_string(worker));
        for (size_t i; (i = next++) < points.size();) {
            const Point& p = points[i];
            const Scenario& s = *std::find_if(scenarios.begin(), scenarios.end(), [&](const Scenario& x) { return x.name == p.scenario; });
            Outcome& o = outcomes[i];
            prepare(s, work);
            const fs::path db = work / "idx" / "db";
            Run r = lab.index(work, db, s.docs,
                              {"LD_PRELOAD=" + shim, "VERBATIM_FAULT_DIR=" + (work / "idx").string(),
                               "VERBATIM_FAULT_OP=" + p.op, "VERBATIM_FAULT_N=" + std::to_string(p.n),
                               "VERBATIM_FAULT_ERRNO=" + p.error},
                              s.shard_by);
            const std::string seen = lab.answers(work, db);
            o.detail = p.scenario + ", " + p.op + " #" + std::to_string(p.n) + " " + p.error + ": exit " +
                       std::to_string(r.status) + ", " + r.err.substr(0, 300);
            if (!lab.xapian_check(work, db) || seen.rfind("<error", 0) == 0) o.corrupt = true;
            else if (s.shard_by.empty() && seen != s.before && seen != s.after) o.mixed = true;
            if (r.status >= 128) o.silent = true;  // died of a signal: not a reported failure
            if (r.status == 0 && seen != s.after) o.silent = true;  // "done" but the answers are not all there
            if (r.status != 0 && r.err.find("verbatim: ") == std::string::npos) o.silent = true;
            // The next run, without faults, completes to the uninterrupted answers.
            Run again = lab.index(work, db, s.docs, {}, s.shard_by);
            if (again.status != 0 || lab.answers(work, db) != s.after) {
                o.not_repaired = true;
                o.detail += " | next run: exit " + std::to_string(again.status) + ", " + again.err.substr(0, 300);
            }
        }
    };
    const size_t workers = std::clamp<size_t>(std::thread::hardware_concurrency(), 2, 6);
    std::vector<std::thread> threads;
    for (size_t w = 0; w < workers; ++w) threads.emplace_back(work_on, w);
    for (std::thread& t : threads) t.join();

    size_t corrupt = 0, mixed = 0, silent = 0, not_repaired = 0, failed_runs = 0;
    std::map<std::string, size_t> per_op;
    for (size_t i = 0; i < points.size(); ++i) {
        const Outcome& o = outcomes[i];
        ++per_op[points[i].op];
        corrupt += o.corrupt;
        mixed += o.mixed;
        silent += o.silent;
        not_repaired += o.not_repaired;
        if (o.corrupt || o.mixed || o.silent || o.not_repaired) {
            ++failed_runs;
            if (failed_runs <= 10) MESSAGE("fault point failed: " << o.detail);
        }
    }
    MESSAGE("I/O faults: " << points.size() << " fault points tried (" << per_op["write"] << " write, "
                           << per_op["fsync"] << " fsync, " << per_op["rename"] << " rename; of "
                           << total_calls["write"] << ", " << total_calls["fsync"] << " and "
                           << total_calls["rename"] << " calls), " << corrupt << " corrupt or unopenable indexes, "
                           << mixed << " mixed states, " << silent << " unreported failures, " << not_repaired
                           << " not repaired by the next run");
    CHECK(points.size() >= 200);
    CHECK(corrupt == 0);
    CHECK(mixed == 0);
    CHECK(silent == 0);
    CHECK(not_repaired == 0);
}
