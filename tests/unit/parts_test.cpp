// A new index built in parallel parts (index/parts.h) and the ordered pipeline that
// feeds them (index/pipeline.h).
#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <stdexcept>

#include "indexer/extract/text_layout.h"
#include "indexer/index/parts.h"
#include "indexer/index/pipeline.h"
#include "indexer/structure/document_builder.h"
#include "model/schema.h"

using namespace verbatim;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("verbatim-parts-test-" + name + "-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

Document report(const std::string& symbol, const std::string& words) {
    std::string text = symbol + "\n\nDistr.: General 1 March 2020\n\n1. The Working Group met. " + words +
                       "\n\n2. It adopted the report.\n";
    return build_document(lay_out_text(text), symbol.substr(0, 1) + symbol.substr(2) + ".txt", nullptr);
}

std::vector<Xapian::Document> units_of(const Document& doc) {
    Analyser analyser(doc.meta.lang);
    std::vector<Xapian::Document> units;
    for (const Unit& unit : doc.units) units.push_back(unit_document(doc.meta, unit, analyser));
    return units;
}

}  // namespace

TEST_CASE("the pipeline gives item i to worker i % threads and hands results over in order") {
    const size_t n = 200, threads = 3;
    std::vector<size_t> worker_of(n, 99);
    std::vector<size_t> consumed;
    ordered_parallel<size_t>(
        n, threads, 8,
        [&](size_t i, size_t worker) {
            worker_of[i] = worker;  // each i is written by one thread only
            return i * 2;
        },
        [&](size_t i, size_t&& doubled) {
            CHECK(doubled == i * 2);
            consumed.push_back(i);
        });
    REQUIRE(consumed.size() == n);
    for (size_t i = 0; i < n; ++i) {
        CHECK(consumed[i] == i);
        CHECK(worker_of[i] == i % threads);
    }
}

TEST_CASE("an exception in a worker reaches the caller, and the workers stop") {
    std::atomic<size_t> prepared{0};
    auto run = [&] {
        ordered_parallel<int>(
            1000, 2, 4,
            [&](size_t i, size_t) {
                ++prepared;
                if (i == 5) throw std::runtime_error("item 5 is broken");
                return 0;
            },
            [](size_t, int&&) {});
    };
    CHECK_THROWS_WITH_AS(run(), "item 5 is broken", std::runtime_error);
    CHECK(prepared.load() < 1000);  // the window stopped the workers well before the end
}

TEST_CASE("parts merge into the index: kept units stay, dropped ones go, part 0's come first") {
    const fs::path dir = fresh_dir("merge");
    const fs::path db = dir / "index.db";
    Document a = report("A/75/1", "Alpha words."), b = report("A/75/2", "Beta words."),
             b_again = report("A/75/2", "Beta words, second version."), c = report("A/75/3", "Gamma words.");
    {
        IndexWriter index(db);
        REQUIRE(index.created());
        index.begin_batch();
        PartWriters parts(db, 2);
        CHECK(fs::exists(part_path(db, 0)));
        CHECK(fs::exists(part_path(db, 1)));
        PartWriters::Placement pa = parts.add(1, a.meta, units_of(a));
        PartWriters::Placement pb = parts.add(0, b.meta, units_of(b));
        PartWriters::Placement pb2 = parts.add(1, b_again.meta, units_of(b_again));
        PartWriters::Placement pc = parts.add(0, c.meta, units_of(c));
        CHECK(pa.part == 1);
        CHECK(pa.first == 1);
        CHECK(pb2.first == pa.first + pa.count);
        parts.keep(a.meta.id, pa);
        parts.keep(b.meta.id, pb);
        parts.keep(b.meta.id, pb2);  // a second file gives B: the first one's units go
        parts.drop(pc);              // C is provided by a better file: its units go
        for (const Document* d : {&a, &b_again}) index.replace_document(d->meta, {});  // the records
        parts.merge_into(index);
    }
    CHECK_FALSE(fs::exists(part_path(db, 0)));
    CHECK_FALSE(fs::exists(part_path(db, 1)));
    Xapian::Database reader(db.string());
    CHECK(reader.get_doccount() == a.units.size() + b_again.units.size());
    CHECK_FALSE(reader.get_metadata(std::string(schema::kDocKey) + a.meta.id).empty());  // the records came too
    CHECK(reader.get_termfreq("alpha") == 1);
    CHECK(reader.get_termfreq("second") == 1);
    CHECK(reader.get_termfreq("gamma") == 0);
    // Parts are merged in order and keep their units' order: part 0 held only dropped
    // units, so A's (first in part 1) are the first documents, then B's second version.
    CHECK(*reader.postlist_begin("alpha") <= a.units.size());
    CHECK(*reader.postlist_begin("second") > a.units.size());
    fs::remove_all(dir);
}

TEST_CASE("until the merge, a parallel build commits nothing to the index: a reader sees it empty") {
    const fs::path dir = fresh_dir("before-merge");
    const fs::path db = dir / "index.db";
    Document a = report("A/75/1", "Alpha words.");
    IndexWriter index(db);
    index.begin_batch();
    PartWriters parts(db, 2);
    parts.keep(a.meta.id, parts.add(0, a.meta, units_of(a)));
    index.replace_document(a.meta, {});
    index.set_file_record("/corpus/a.txt", FileRecord{1, 1, "h", "", a.meta.id, false});
    // What a search (or the next run, after a crash here) sees: no records without units.
    {
        Xapian::Database reader(db.string());
        CHECK(reader.get_doccount() == 0);
        CHECK(reader.metadata_keys_begin(schema::kFileKey) == reader.metadata_keys_end(schema::kFileKey));
    }
    parts.merge_into(index);
    Xapian::Database reader(db.string());
    CHECK(reader.get_doccount() == a.units.size());
    CHECK(reader.metadata_keys_begin(schema::kFileKey) != reader.metadata_keys_end(schema::kFileKey));
    CHECK(index.file_records().size() == 1);  // the writer goes on with the merged index
}

TEST_CASE("parts left by a killed run are removed by the next writer") {
    const fs::path dir = fresh_dir("stale");
    const fs::path db = dir / "index.db";
    fs::create_directories(part_path(db, 0) / "leftover");
    fs::create_directories(part_path(db, 1));
    { IndexWriter index(db); }
    CHECK_FALSE(fs::exists(part_path(db, 0)));
    CHECK_FALSE(fs::exists(part_path(db, 1)));
    fs::remove_all(dir);
}
