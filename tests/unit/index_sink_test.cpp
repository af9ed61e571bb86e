// One interface for writing an index (index/sink.h): open_index gives one database or
// a sharded writer as the folder needs, and the same writes through it give the same
// index either way.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "indexer/extract/text_layout.h"
#include "indexer/index/shards.h"
#include "indexer/index/writer.h"
#include "indexer/structure/document_builder.h"
#include "query/search/searcher.h"
#include "tests/unit/test_helpers.h"

using namespace verbatim;
namespace fs = std::filesystem;
using verbatim::test::TempDir;

namespace {

Document report(int n, int year, const std::string& sentence) {
    std::string text = "A/" + std::to_string(70 + n) + "/1\n\nDistr.: General 1 March " + std::to_string(year) +
                       "\n\n1. " + sentence + "\n";
    return build_document(lay_out_text(text), "doc" + std::to_string(n) + ".txt", nullptr);
}

// Two documents and their files' records, written through the interface only.
void write_two(IndexSink& sink) {
    sink.begin_batch();
    for (int n : {1, 2}) {
        Document doc = report(n, 2018 + n, n == 1 ? "Sea level rise threatens islands." : "Islands ask for finance.");
        Analyser analyser(doc.meta.lang);
        std::vector<Xapian::Document> units;
        for (const Unit& unit : doc.units) units.push_back(unit_document(doc.meta, unit, analyser));
        sink.replace_document(doc.meta, std::move(units));
        sink.set_file_record("/src/doc" + std::to_string(n) + ".txt", FileRecord{10, 20, "h", "", doc.meta.id, false});
    }
    sink.commit_batch();
    CHECK(sink.compact_created().empty());
}

size_t hits(const fs::path& db, const std::string& query) {
    Searcher searcher(db);
    SearchOptions options;
    options.query = query;
    return searcher.search(options).hits.size();
}

}  // namespace

TEST_CASE("open_index writes one database, or shards, through one interface") {
    TempDir dir("sink-open");
    const fs::path plain = dir.path / "plain", sharded = dir.path / "sharded";
    {
        std::unique_ptr<IndexSink> sink = open_index(plain, "");
        CHECK(dynamic_cast<IndexWriter*>(sink.get()) != nullptr);
        write_two(*sink);
    }
    {
        std::unique_ptr<IndexSink> sink = open_index(sharded, "year");
        CHECK(dynamic_cast<ShardedWriter*>(sink.get()) != nullptr);
        write_two(*sink);
    }
    CHECK(fs::exists(plain / "iamglass"));
    CHECK(fs::exists(sharded / "shard-2019" / "iamglass"));
    CHECK(fs::exists(sharded / "shard-2020" / "iamglass"));
    CHECK(hits(plain, "islands") == 2);
    CHECK(hits(sharded, "islands") == 2);
    {
        // No term unique to each unit (Q<unit id> was looked up by nothing and was 3% of
        // the index): a unit is found by its document and anchor.
        Xapian::Database db(plain.string());
        CHECK(db.allterms_begin("Q") == db.allterms_end("Q"));
    }

    // Opened again without a scheme, each folder gets the writer it was made with, and
    // both know the same files.
    std::unique_ptr<IndexSink> again_plain = open_index(plain, "");
    std::unique_ptr<IndexSink> again_sharded = open_index(sharded, "");
    CHECK(dynamic_cast<IndexWriter*>(again_plain.get()) != nullptr);
    CHECK(dynamic_cast<ShardedWriter*>(again_sharded.get()) != nullptr);
    auto a = again_plain->file_records(), b = again_sharded->file_records();
    REQUIRE(a.size() == 2);
    REQUIRE(b.size() == 2);
    for (const auto& [path, record] : a) CHECK(b.at(path).doc_id == record.doc_id);
    again_plain.reset();
    again_sharded.reset();

    CHECK_THROWS_AS(open_index(plain, "year"), IndexError);    // one database, not sharded
    CHECK_THROWS_AS(open_index(sharded, "body"), IndexError);  // sharded another way
    CHECK_THROWS_AS(open_index(dir.path / "x", "weekly"), IndexError);
    CHECK_THROWS_AS(ShardedWriter(dir.path / "new", ""), IndexError);  // no scheme at all
}
