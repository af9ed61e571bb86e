// The steps of an indexing pass (index/indexer.cpp's run_index), each on its own: the
// twin rule, the pass plan (vanished files, unchanged files), one file's preparation
// and its stage boundary, and the writer's side that records each file in order.
#include <doctest/doctest.h>

#include <fstream>
#include <new>
#include <stdexcept>

#include "indexer/index/pass_plan.h"
#include "indexer/index/pass_writer.h"
#include "indexer/index/prepare.h"
#include "indexer/index/twins.h"
#include "indexer/index/writer.h"
#include "tests/unit/test_helpers.h"

using namespace verbatim;
namespace fs = std::filesystem;
using verbatim::test::TempDir;

namespace {

void write_file(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

const std::string kReport = "A/75/1\n\nDistr.: General 1 March 2020\n\n1. Sea level rise threatens islands.\n";

PendingFile pending_for(const fs::path& file) {
    FileRecords none;
    ManifestFinder manifests([](const Problem&) {});
    return plan_files({file}, std::move(none), manifests).at(0);
}

PrepareContext plain_context() { return PrepareContext{uint64_t{1} << 20, PdfLimits{}, nullptr, nullptr}; }

}  // namespace

TEST_CASE("twins: the PDF, else the first by name, whatever the order they are met in") {
    CHECK(provides_before("/c/b.pdf", "/c/a.txt"));
    CHECK_FALSE(provides_before("/c/a.txt", "/c/b.pdf"));
    CHECK(provides_before("/c/a.txt", "/c/b.txt"));
    CHECK_FALSE(provides_before("/c/a.txt", "/c/a.txt"));  // strict

    struct Row {
        const char* path;
        const char* rival;
        bool rival_exists;
        TwinVerdict verdict;
    };
    const Row rows[] = {
        {"/c/a.txt", "", false, TwinVerdict::sole},              // nobody else gives it
        {"/c/a.txt", "/c/a.txt", true, TwinVerdict::sole},       // itself, from an earlier run
        {"/c/a.txt", "/c/a.pdf", true, TwinVerdict::this_defers},  // the PDF wins
        {"/c/a.pdf", "/c/a.txt", true, TwinVerdict::rival_defers},
        {"/c/a.txt", "/c/a.pdf", false, TwinVerdict::rival_defers},  // the PDF is gone
        {"/c/b.txt", "/c/a.txt", true, TwinVerdict::this_defers},    // first by name
        {"/c/a.txt", "/c/b.txt", true, TwinVerdict::rival_defers},
    };
    for (const Row& r : rows) {
        CAPTURE(r.path);
        CAPTURE(r.rival);
        CHECK(arbitrate_twins(r.path, r.rival, r.rival_exists) == r.verdict);
    }

    BestProviders best;
    CHECK(best.claim("d", "/c/a.txt"));
    CHECK_FALSE(best.claim("d", "/c/b.txt"));
    CHECK(best.claim("d", "/c/a.pdf"));
    CHECK_FALSE(best.claim("d", "/c/a.txt"));
}

TEST_CASE("pass plan: the files that vanished under the roots, and the documents that go with them") {
    FileRecords known{
        {"/in/gone.txt", FileRecord{1, 1, "h1", "", "doc-gone", false}},
        {"/in/kept.txt", FileRecord{1, 1, "h2", "", "doc-kept", false}},
        {"/in/twin.pdf", FileRecord{1, 1, "h3", "", "doc-twins", false}},
        {"/in/twin.txt", FileRecord{1, 1, "h4", "", "doc-twins", true}},  // merged into the PDF
        {"/other/gone.txt", FileRecord{1, 1, "h5", "", "doc-other", false}},
    };
    const Providers providers = providers_of(known);
    CHECK(providers.size() == 4);
    CHECK(provider_of(providers, "doc-twins") == "/in/twin.pdf");
    CHECK(provider_of(providers, "nothing").empty());

    // Only /in is indexed this run: /other's files are not looked at.
    const std::set<std::string> present{"/in/kept.txt", "/in/twin.txt"};
    Vanished v = find_vanished(known, providers, {"/in"}, [&](const std::string& p) { return present.count(p) > 0; });
    CHECK(v.records == std::vector<std::string>{"/in/gone.txt", "/in/twin.pdf"});
    CHECK(v.documents == std::vector<std::string>{"doc-gone", "doc-twins"});

    // A vanished merged twin takes no document with it.
    Vanished only_twin = find_vanished(known, providers, {"/in/twin.txt"}, [](const std::string&) { return false; });
    CHECK(only_twin.records == std::vector<std::string>{"/in/twin.txt"});
    CHECK(only_twin.documents.empty());

    // Applied: the twin that was merged into the vanished PDF is read again.
    TempDir dir("pass-vanished");
    IndexWriter sink(dir.path / "db");
    sink.begin_batch();
    for (const auto& [path, record] : known) sink.set_file_record(path, record);
    Providers live = providers;
    remove_vanished(v, sink, known, live);
    sink.commit_batch();
    CHECK(known.count("/in/gone.txt") == 0);
    CHECK(sink.file_records().size() == 3);
    CHECK(live.count("doc-twins") == 0);
    CHECK(known.at("/in/twin.txt").hash.empty());
    CHECK(known.at("/in/twin.txt").size == 0);
    CHECK(known.at("/in/kept.txt").hash == "h2");
}

TEST_CASE("pass plan: a file is unchanged when size, time stamp and manifest entry all match") {
    TempDir dir("pass-unchanged");
    const fs::path file = dir.path / "a.txt";
    write_file(file, kReport);
    PendingFile fresh = pending_for(file);
    CHECK(fresh.stat_error.empty());
    CHECK(fresh.size == kReport.size());
    CHECK_FALSE(fresh.unchanged);  // never indexed

    FileRecord same{fresh.size, fresh.mtime, "h", "", "d", false};
    PendingFile p = fresh;
    p.old = same;
    CHECK(is_unchanged(p));
    p.old->mtime_ns += 1;
    CHECK_FALSE(is_unchanged(p));
    p.old = same;
    p.old->size += 1;
    CHECK_FALSE(is_unchanged(p));
    p.old = same;
    p.manifest_hash = "entry";
    CHECK_FALSE(is_unchanged(p));
    p = fresh;
    p.old = same;
    p.stat_error = "Permission denied";
    CHECK_FALSE(is_unchanged(p));

    // The plan takes the record from what the index knows.
    FileRecords known{{file.string(), same}};
    ManifestFinder manifests([](const Problem&) {});
    std::vector<PendingFile> plan = plan_files({file, dir.path / "missing.txt"}, std::move(known), manifests);
    REQUIRE(plan.size() == 2);
    CHECK(plan[0].unchanged);
    CHECK_FALSE(plan[1].stat_error.empty());
    CHECK_FALSE(plan[1].unchanged);
}

TEST_CASE("prepare: a file gives a document, a problem, or nothing to do") {
    TempDir dir("pass-prepare");
    const fs::path file = dir.path / "a.txt";
    write_file(file, kReport);
    PendingFile p = pending_for(file);

    Prepared read = prepare_file(p, 0, plain_context());
    CHECK_FALSE(read.problem);
    REQUIRE(read.doc);
    CHECK(read.doc->meta.symbol == "A/75/1");
    CHECK(read.units.size() == read.doc->units.size());
    CHECK(read.hash == content_hash(kReport));

    // The same bytes under a new time stamp: nothing to analyse.
    p.old = FileRecord{p.size, p.mtime - 1, read.hash, "", read.doc->meta.id, false};
    Prepared same = prepare_file(p, 0, plain_context());
    CHECK(same.same_bytes);
    CHECK_FALSE(same.doc);

    PendingFile unchanged = p;
    unchanged.unchanged = true;
    Prepared skipped = prepare_file(unchanged, 0, plain_context());
    CHECK_FALSE(skipped.doc);
    CHECK_FALSE(skipped.problem);
    CHECK(skipped.hash.empty());  // not even read

    PrepareContext tiny = plain_context();
    tiny.max_file_bytes = 10;
    Prepared big = prepare_file(pending_for(file), 0, tiny);
    REQUIRE(big.problem);
    CHECK(big.problem->file == file.string());
}

TEST_CASE("prepare: the stage boundary turns a throw into the file's problem, not the index's") {
    const std::string path = "/in/a.txt";
    Prepared ok = at_stage_boundary(path, [] {
        Prepared p;
        p.hash = "h";
        return p;
    });
    CHECK(ok.hash == "h");
    CHECK_FALSE(ok.problem);

    Prepared bug = at_stage_boundary(path, []() -> Prepared { throw std::out_of_range("stoi"); });
    REQUIRE(bug.problem);
    CHECK(bug.problem->file == path);
    CHECK(bug.problem->cause == "cannot index it (internal error: stoi)");

    Prepared memory = at_stage_boundary(path, []() -> Prepared { throw std::bad_alloc(); });
    REQUIRE(memory.problem);
    CHECK(memory.problem->cause == "out of memory while reading it; skipped");

    Prepared xapian = at_stage_boundary(path, []() -> Prepared { throw Xapian::InvalidArgumentError("bad term"); });
    REQUIRE(xapian.problem);
    CHECK(xapian.problem->cause.find("bad term") != std::string::npos);

    // A part that cannot be written is the index's failure: it stops the run.
    CHECK_THROWS_AS(at_stage_boundary(path, []() -> Prepared { throw Xapian::DatabaseError("disk full"); }),
                    Xapian::DatabaseError);
    CHECK_THROWS_AS(at_stage_boundary(path, []() -> Prepared { throw IndexError("cannot write"); }), IndexError);
}

TEST_CASE("pass writer: files recorded in order, twins merged, problems reported, batches committed") {
    TempDir dir("pass-writer");
    const fs::path txt = dir.path / "a.txt", pdf = dir.path / "a.pdf", bad = dir.path / "b.txt";
    write_file(txt, kReport);
    write_file(pdf, "%PDF-1.4 stands in: only its name and presence matter here");
    write_file(bad, "");

    IndexWriter sink(dir.path / "db");
    IndexSummary summary;
    summary.files = 3;
    std::vector<std::string> heard;
    IndexCallbacks callbacks;
    callbacks.on_problem = [&](const Problem& p) { heard.push_back(p.file + ": " + p.cause); };
    size_t progress_calls = 0;
    callbacks.on_progress = [&](const IndexProgress& p) {
        ++progress_calls;
        CHECK(p.files_total == 3);
    };
    sink.begin_batch();
    PassWriter writer(sink, nullptr, Providers{}, 1, callbacks, summary, 0);

    // The text first: indexed, and committed at once (a batch of one file).
    PendingFile text_file = pending_for(txt);
    Prepared text = prepare_file(text_file, 0, plain_context());
    const std::string doc_id = text.doc->meta.id;
    writer.consume(text_file, std::move(text));
    CHECK(summary.indexed == 1);
    CHECK(Xapian::Database((dir.path / "db").string()).get_doccount() > 0);

    // Its PDF gives the same document: the PDF is indexed, the text defers to it.
    PendingFile pdf_file = pending_for(pdf);
    Prepared same_doc = prepare_file(text_file, 0, plain_context());  // the same words, as if read from the PDF
    writer.consume(pdf_file, std::move(same_doc));
    CHECK(summary.indexed == 2);
    REQUIRE(summary.merged.size() == 1);
    CHECK(summary.merged[0].find("a.pdf and a.txt are one document") == 0);
    CHECK(sink.file_record(txt.string())->merged);
    CHECK_FALSE(sink.file_record(pdf.string())->merged);
    CHECK(sink.file_record(pdf.string())->doc_id == doc_id);

    // A file with a problem: reported, skipped, no record.
    PendingFile bad_file = pending_for(bad);
    Prepared broken;
    broken.problem = Problem{bad.string(), 0, "empty file"};
    writer.consume(bad_file, std::move(broken));
    CHECK(summary.skipped == 1);
    CHECK_FALSE(sink.file_record(bad.string()));
    CHECK(heard == std::vector<std::string>{bad.string() + ": empty file"});
    CHECK(summary.problems.size() == 1);
    CHECK(progress_calls == 3);
    sink.commit_batch();
}
