// A new index is compacted at the end of its first run, swapped in atomically.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>

#include "indexer/extract/text_layout.h"
#include "indexer/index/writer.h"
#include "indexer/structure/document_builder.h"

using namespace verbatim;
namespace fs = std::filesystem;

TEST_CASE("compacting a new index keeps every unit and leaves no copy behind") {
    const fs::path dir = fs::temp_directory_path() / ("verbatim-compact-test-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path db = dir / "index.db";
    const fs::path copy = dir / ".index.db.compacting";
    size_t units = 0;
    {
        IndexWriter writer(db);
        CHECK(writer.created());
        writer.begin_batch();
        for (int i = 0; i < 30; ++i) {
            std::string text = "A/" + std::to_string(70 + i) + "/1\n\nDistr.: General 1 March 2020\n\n"
                               "1. The Working Group on Trafficking in Persons met for the " +
                               std::to_string(i) + "th time.\n\n2. It adopted the report.\n";
            Document doc = build_document(lay_out_text(text), "doc" + std::to_string(i) + ".txt", nullptr);
            units += doc.units.size();
            writer.replace_document(doc);
        }
        writer.commit_batch();
        writer.compact();
        CHECK_FALSE(fs::exists(copy));
    }
    Xapian::Database reader(db.string());
    CHECK(reader.get_doccount() == units);
    CHECK(reader.get_termfreq("XSa/75/1") > 0);

    // A copy left by a compaction that was killed goes when the index is next opened.
    fs::create_directories(copy);
    {
        IndexWriter writer(db);
        CHECK_FALSE(writer.created());
    }
    CHECK_FALSE(fs::exists(copy));
    fs::remove_all(dir);
}
