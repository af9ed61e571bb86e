// Nothing lost when verbatim index dies: SIGKILL at random moments, a disk that fills up,
// searches running while an index run commits, and a second run on a database in use.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <array>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <thread>

#include "query/search/searcher.h"
#include "tests/e2e/spawn.h"
#include "tests/e2e/support.h"

using namespace verbatim::e2e;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A word made of letters only, unique to `n` ("qb", "qc", ...).
std::string marker(size_t n) {
    std::string word = "mark";
    do {
        word += static_cast<char>('a' + n % 26);
        n /= 26;
    } while (n > 0);
    return word;
}

// The start of a report, cut at a paragraph break: enough structure, quick to index.
std::string opening(const std::string& text) {
    size_t cut = text.find("\n\n", 2500);
    return cut == std::string::npos ? text : text.substr(0, cut);
}

// Writes into `dir` `count` reports made from corpus/*.txt (and a few of its PDFs), each its
// own document (a symbol of its own through manifest.ini) with a word of its own;
// `version` changes every text, so that the next run replaces every document.
void write_corpus(const fs::path& dir, size_t count, int version) {
    fs::create_directories(dir);
    std::vector<fs::path> texts, pdfs;
    for (const auto& entry : fs::directory_iterator(corpus_dir())) {
        if (entry.path().extension() == ".txt") texts.push_back(entry.path());
        if (entry.path().extension() == ".pdf") pdfs.push_back(entry.path());
    }
    std::sort(texts.begin(), texts.end());
    std::sort(pdfs.begin(), pdfs.end());
    std::vector<std::string> bodies;
    for (const fs::path& t : texts) bodies.push_back(opening(slurp(t)));
    std::string manifest;
    for (size_t i = 0; i < count; ++i) {
        char stem[32];
        std::snprintf(stem, sizeof stem, "copy_%04zu", i);
        manifest += std::string("[") + stem + "]\nsymbol = TEST/CRASH/" + std::to_string(i) + "\nname = crash-" +
                    std::to_string(i) + "\ndate = 2020-01-01\n\n";
        if (i < pdfs.size()) {
            fs::copy_file(pdfs[i], dir / (std::string(stem) + ".pdf"), fs::copy_options::skip_existing);
            continue;
        }
        write_file(dir / (std::string(stem) + ".txt"),
                   bodies[i % bodies.size()] + "\n\n900. The " + marker(i) +
                       " delegation spoke in version " + marker(1000 + static_cast<size_t>(version)) + ".\n");
    }
    write_file(dir / "manifest.ini", manifest);
}

fs::path build_corpus(const std::string& name, size_t count, int version = 0) {
    const fs::path dir = fresh_dir(name);
    write_corpus(dir, count, version);
    return dir;
}

// Everything a database holds, in a form to compare: each document's units (anchor and
// text) in order, and the number of Xapian documents (a duplicate would show there).
struct Snapshot {
    std::map<std::string, std::vector<std::string>> units;
    size_t xapian_documents = 0;
    bool operator==(const Snapshot&) const = default;
};

// `any_version` blanks the version word, so that documents of every version compare equal.
Snapshot snapshot(const std::string& db, bool any_version = false) {
    verbatim::Searcher searcher(db);
    Snapshot s;
    for (const verbatim::DocumentMeta& doc : searcher.documents()) {
        auto& units = s.units[doc.id];
        for (const verbatim::UnitRecord& u : searcher.document_units(doc.id)) {
            std::string text = u.unit.text;
            if (size_t at = text.find(" in version "); any_version && at != std::string::npos) text.erase(at);
            units.push_back(u.unit.anchor + "\t" + text);
        }
    }
    s.xapian_documents = searcher.database().get_doccount();
    return s;
}

const std::vector<std::string> kQueries = {"non-punishment", "trafficking victims", "\"joint investigation teams\"",
                                           "cooperation OR assistance", "symbol:TEST/CRASH/7", "markz",
                                           "year:2020 kind:paragraph"};

// The answers to the fixed query set: the units found, in a canonical order (ties in
// score may come in any order between two databases).
std::vector<std::string> answers(const std::string& db) {
    std::vector<std::string> all;
    for (const std::string& q : kQueries) {
        RunResult r = run_verbatim({"search", "--db", db, "--json", "--limit", "10000", q});
        REQUIRE(r.exit_code < 2);
        std::vector<std::string> docs = json_field(r.out, "doc"), anchors = json_field(r.out, "anchor");
        std::vector<std::string> hits;
        for (size_t i = 0; i < docs.size(); ++i) hits.push_back(docs[i] + "#" + anchors[i]);
        std::sort(hits.begin(), hits.end());
        all.push_back(q + " -> " + std::to_string(hits.size()));
        all.insert(all.end(), hits.begin(), hits.end());
    }
    return all;
}

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

}  // namespace

TEST_CASE("SIGKILL at random moments: the index always opens, and the next run ends where an uninterrupted one does") {
    const size_t kFiles = 300;
    const int kKills = 20;
    // An uninterrupted run: what the index must hold in the end.
    const fs::path reference_corpus = fresh_dir("crash-reference") / "reports";
    write_corpus(reference_corpus, kFiles, 0);
    const std::string reference = (reference_corpus.parent_path() / "db").string();
    const auto start = Clock::now();
    RunResult full = run_verbatim({"index", "--db", reference, reference_corpus.string()});
    const double full_seconds = seconds_since(start);
    INFO(full.err);
    REQUIRE(full.exit_code == 0);
    const Snapshot expected = snapshot(reference), expected_any = snapshot(reference, true);
    REQUIRE(expected.units.size() == kFiles);
    const std::vector<std::string> expected_answers = answers(reference);

    // Before each run every text gets a new version, so every run has work to do when it
    // is killed; a run that still ends first is not counted.
    const fs::path corpus = fresh_dir("crash-live") / "reports";
    const std::string db = (corpus.parent_path() / "db").string();
    std::mt19937 random(20240611);
    std::uniform_real_distribution<double> when(0.02, 0.9 * full_seconds);
    int killed_mid_run = 0, runs = 0;
    for (int k = 0; killed_mid_run < kKills && k < 3 * kKills; ++k, ++runs) {
        CAPTURE(k);
        write_corpus(corpus, kFiles, k + 1);
        Spawned run = spawn_verbatim({"index", "--db", db, corpus.string()});
        std::this_thread::sleep_for(std::chrono::duration<double>(when(random)));
        kill(run.pid, SIGKILL);
        if (wait_exit(run) == 128 + SIGKILL) ++killed_mid_run;
        if (!fs::exists(fs::path(db) / "iamglass")) continue;  // killed before the database existed
        // The database opens and answers; it holds whole documents only.
        RunResult search = run_verbatim({"search", "--db", db, "--json", "non-punishment"});
        CHECK(search.exit_code < 2);
        const Snapshot now = snapshot(db, true);
        size_t unit_count = 0;
        for (const auto& entry : now.units) {
            const std::string& doc = entry.first;  // not a structured binding: clang 14 cannot capture one
            const auto& units = entry.second;
            CAPTURE(doc);
            unit_count += units.size();
            auto it = expected_any.units.find(doc);
            REQUIRE(it != expected_any.units.end());
            CHECK(units == it->second);  // never half a document
        }
        CHECK(now.xapian_documents == unit_count);  // no duplicates, no orphans
    }
    MESSAGE(killed_mid_run << " of " << runs << " index runs killed mid-run (an uninterrupted run takes "
                           << full_seconds << " s)");
    CHECK(killed_mid_run >= kKills);

    write_corpus(corpus, kFiles, 0);  // back to the reference's text
    RunResult last = run_verbatim({"index", "--db", db, corpus.string()});
    INFO(last.err);
    CHECK(last.exit_code == 0);
    CHECK(snapshot(db) == expected);
    CHECK(answers(db) == expected_answers);
}

TEST_CASE("a disk that fills up: a clear error, and the last committed state stays searchable") {
    const fs::path mount_point = fresh_dir("small-disk");
    if (mount("tmpfs", mount_point.c_str(), "tmpfs", 0, "size=3m") != 0) {
        MESSAGE("skipped: cannot mount a small tmpfs here (" << std::strerror(errno) << "); needs root");
        return;
    }
    struct Unmount {
        fs::path at;
        ~Unmount() { umount2(at.c_str(), MNT_DETACH); }
    } unmount{mount_point};

    const std::string db = (mount_point / "db").string();
    const fs::path small = build_corpus("disk-small", 3);
    RunResult first = run_verbatim({"index", "--db", db, small.string()});
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    const Snapshot before = snapshot(db);
    const std::vector<std::string> before_answers = answers(db);

    const fs::path big = build_corpus("disk-big", 400, 1);
    RunResult full = run_verbatim({"index", "--db", db, small.string(), big.string()});
    INFO(full.err);
    CHECK(full.exit_code == 2);
    CHECK(contains(full.err, "No space left on device"));
    CHECK(contains(full.err, "the last committed state is intact"));

    // Whatever was committed before the disk filled is whole and searchable.
    const Snapshot after = snapshot(db);
    for (const auto& [doc, units] : before.units) CHECK(after.units.at(doc) == units);
    size_t unit_count = 0;
    for (const auto& [doc, units] : after.units) unit_count += units.size();
    CHECK(after.xapian_documents == unit_count);
    RunResult search = run_verbatim({"search", "--db", db, "--json", "non-punishment"});
    CHECK(search.exit_code == 0);
    if (after == before) CHECK(answers(db) == before_answers);
}

TEST_CASE("searches in a loop while index runs commit: none fails") {
    const fs::path live = fresh_dir("concurrent") / "reports";
    const std::string db = (live.parent_path() / "db").string();
    write_corpus(live, 450, 0);
    REQUIRE(run_verbatim({"index", "--db", db, live.string()}).exit_code == 0);

    size_t searches = 0, failed = 0;
    std::string failures;
    for (int round = 1; round <= 2; ++round) {
        write_corpus(live, 450, round);  // every text changed: every document replaced
        Spawned index = spawn_verbatim({"index", "--db", db, live.string()});
        for (;;) {
            int status = 0;
            const bool done = waitpid(index.pid, &status, WNOHANG) == index.pid;
            for (const std::string& q : {std::string("non-punishment"), std::string("symbol:TEST/CRASH/300")}) {
                RunResult r = run_verbatim({"search", "--db", db, "--json", q});
                ++searches;
                if (r.exit_code != 0) {
                    ++failed;
                    failures += q + " -> " + std::to_string(r.exit_code) + ": " + r.err;
                }
            }
            if (done) {
                CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
                break;
            }
        }
    }
    MESSAGE(searches << " searches ran during 2 index runs that each replaced 450 documents");
    INFO(failures);
    CHECK(failed == 0);
    CHECK(searches >= 20);
}

TEST_CASE("a second index run on a database in use says who holds it, and waits only when asked") {
    const fs::path dir = fresh_dir("locked");
    fs::copy_file(corpus_dir() / "001_7d3c025fb8d284f4.pdf", dir / "a.pdf");
    fs::copy_file(corpus_dir() / "000_5eede202c1eb311f.txt", dir / "b.txt");
    const std::string db = (fresh_dir("locked-db") / "db").string();
    // The first run holds the lock while its PDF hangs (test-only hook) until the 4 s timeout.
    Spawned first = spawn_verbatim({"index", "--db", db, "--pdf-timeout", "4", dir.string()},
                                   {{"VERBATIM_TEST_PDF_FAULT", "hang"}});
    const auto start = Clock::now();
    while (!fs::exists(fs::path(db) / "flintlock") && seconds_since(start) < 3)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));

    RunResult refused = run_verbatim({"index", "--db", db, dir.string()});
    CHECK(refused.exit_code == 2);
    CHECK(contains(refused.err, "is being updated by another process (pid " + std::to_string(first.pid) + ")"));
    CHECK(contains(refused.err, "--wait"));

    RunResult impatient = run_verbatim({"index", "--db", db, "--wait", "--wait-timeout", "0.5", dir.string()});
    CHECK(impatient.exit_code == 2);
    CHECK(contains(impatient.err, "gave up waiting"));

    RunResult patient = run_verbatim({"index", "--db", db, "--wait", dir.string()});
    const double waited = seconds_since(start);
    INFO(patient.err);
    CHECK(contains(patient.err, "waiting for it to finish"));
    CHECK(patient.exit_code == 0);  // the PDF read normally this time
    CHECK(contains(patient.err, "indexed 1 file"));
    CHECK(waited > 3.5);
    CHECK(wait_exit(first) == 1);  // the first run finished on its own: its PDF timed out
    CHECK(run_verbatim({"search", "--db", db, "non-punishment"}).exit_code == 0);
}
