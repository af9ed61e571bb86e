// Issue 16, the parts that need no binary: numbers read without throwing, the one rule
// for terms and keys, bounds on what the PDF reader sends and on what is read, the walk
// through a tree that changes under it, and regular expressions in linear time.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <fstream>
#include <string>

#include "indexer/extract/extract.h"
#include "indexer/extract/pdf_wire.h"
#include "indexer/extract/text_layout.h"
#include "indexer/index/indexer.h"
#include "indexer/index/walk.h"
#include "indexer/index/writer.h"
#include "indexer/structure/document_builder.h"
#include "indexer/structure/references.h"
#include "model/parse_number.h"
#include "model/schema.h"
#include "query/search/searcher.h"

using namespace verbatim;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("verbatim-robust-test-" + name + "-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

void touch(const fs::path& p, const std::string& content = "text\n") {
    if (p.has_parent_path()) fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
}

bool has_file(const WalkResult& w, const fs::path& p) {
    return std::find(w.files.begin(), w.files.end(), p) != w.files.end();
}

}  // namespace

TEST_CASE("parse_number reads whole numbers in range and never throws") {
    CHECK(parse_number<int>("42") == 42);
    CHECK(parse_number<int>("99999999999") == std::nullopt);  // std::stoi threw out_of_range
    CHECK(parse_number<int>("") == std::nullopt);
    CHECK(parse_number<int>("12a") == std::nullopt);
    CHECK(parse_number<int>(" 12") == std::nullopt);
    CHECK(parse_number<int>("5", 1, 4) == std::nullopt);
    CHECK(parse_number<unsigned>("-1") == std::nullopt);
    CHECK(parse_number<uint64_t>("ffffffffffffffff", 0, UINT64_MAX, 16) == UINT64_MAX);
}

TEST_CASE("schema::key: one rule for every term and metadata key, within Xapian's limits") {
    CHECK(schema::key(schema::kDocId, "a.en") == "XDa.en");
    const std::string long_value(300, 'x');
    const std::string k = schema::key(schema::kFileKey, long_value);
    CHECK(k.size() <= schema::kMaxKeyBytes);
    CHECK(k.rfind(std::string(schema::kFileKey) + std::string(160, 'x'), 0) == 0);
    CHECK(k == schema::key(schema::kFileKey, long_value));                   // the same for writing and reading
    CHECK(k != schema::key(schema::kFileKey, long_value.substr(1) + "y"));  // and different values differ
    // Exactly at the limit the value is kept whole.
    const std::string edge(schema::kMaxKeyBytes - 2, 'y');
    CHECK(schema::key("XD", edge) == "XD" + edge);
}

TEST_CASE("a file record with a long path is stored and read back under its path") {
    const fs::path dir = fresh_dir("records");
    const std::string path = (dir / (std::string(240, 'a') + ".txt")).string();
    {
        IndexWriter writer(dir / "db");
        FileRecord r;
        r.size = 7;
        r.doc_id = "x.en";
        writer.set_file_record(path, r);  // "Key too long" before
        writer.commit();
        REQUIRE(writer.file_record(path).has_value());
        CHECK(writer.file_record(path)->size == 7);
        auto all = writer.file_records();
        REQUIRE(all.count(path) == 1);
        CHECK(all.at(path).doc_id == "x.en");
        writer.remove_file_record(path);
        CHECK_FALSE(writer.file_record(path).has_value());
    }
    fs::remove_all(dir);
}

TEST_CASE("check_pages refuses coordinates and word counts that would size anything absurdly") {
    PageWords page;
    page.width = 595;
    page.height = 842;
    page.words.push_back({"word", 72, 72, 100, 84, 11});
    CHECK(check_pages({page}).empty());
    SUBCASE("a word at 1e12 points") {
        page.words[0].x1 = 1e12;
        CHECK(check_pages({page}).find("page 1 has a word placed out of range") != std::string::npos);
    }
    SUBCASE("not a number") {
        page.words[0].y0 = std::nan("");
        CHECK_FALSE(check_pages({page}).empty());
    }
    SUBCASE("an infinite page") {
        page.width = std::numeric_limits<double>::infinity();
        CHECK(check_pages({page}).find("size out of range") != std::string::npos);
    }
    SUBCASE("too many words on one page") {
        page.words.resize(kMaxWordsPerPage + 1, page.words[0]);
        CHECK(check_pages({page}).find("more than the limit of") != std::string::npos);
    }
}

TEST_CASE("read_file_bytes reads up to its limit and names the limit beyond") {
    const fs::path dir = fresh_dir("limit");
    touch(dir / "a.txt", std::string(3000, 'a'));
    auto ok = read_file_bytes(dir / "a.txt", 3000);
    REQUIRE(std::holds_alternative<std::string>(ok));
    CHECK(std::get<std::string>(ok).size() == 3000);
    auto big = read_file_bytes(dir / "a.txt", 2999);
    REQUIRE(std::holds_alternative<Problem>(big));
    CHECK(std::get<Problem>(big).cause.find("more than the limit of") != std::string::npos);
    CHECK(std::get<Problem>(big).file == (dir / "a.txt").string());
    // A file whose size is not known in advance (/proc) is still bounded.
    auto proc = read_file_bytes("/proc/self/maps", 16);
    CHECK(std::holds_alternative<Problem>(proc));
    fs::remove_all(dir);
}

TEST_CASE("the walk survives a folder that vanishes mid-walk") {
    const fs::path dir = fresh_dir("vanish");
    touch(dir / "a" / "one.txt");
    touch(dir / "b" / "two.txt");
    touch(dir / "c" / "three.txt");
    touch(dir / "b" / "deeper" / "four.txt");
    // Whichever folder is read first, the other two lose a folder before they are read.
    bool removed = false;
    WalkResult w = walk_inputs({dir}, [&](const fs::path& folder) {
        if (folder == dir || removed) return;
        removed = true;
        for (const char* other : {"a", "b", "c"})
            if (folder.filename() != other) {
                fs::remove_all(dir / other);
                break;
            }
    });
    CHECK(removed);
    CHECK(w.files.size() >= 1);  // what is still there is found
    for (const fs::path& f : w.files) CHECK(fs::exists(f));
    CHECK(w.problems.empty());  // gone is not an error
    fs::remove_all(dir);
}

TEST_CASE("the walk survives a folder replaced by a file mid-walk and goes on") {
    const fs::path dir = fresh_dir("replaced");
    touch(dir / "a" / "one.txt");
    touch(dir / "b" / "two.txt");
    touch(dir / "z.txt");
    bool replaced = false;
    WalkResult w = walk_inputs({dir}, [&](const fs::path& folder) {
        if (folder == dir || replaced) return;
        replaced = true;
        const fs::path other = dir / (folder.filename() == "a" ? "b" : "a");
        fs::remove_all(other);
        touch(other, "now a file");
    });
    CHECK(replaced);
    CHECK(has_file(w, dir / "z.txt"));
    REQUIRE(w.problems.size() == 1);
    CHECK(w.problems[0].cause.find("cannot read folder") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("the walk takes file names of any bytes and length, and paths beyond PATH_MAX") {
    const fs::path dir = fresh_dir("names");
    const std::string odd = std::string("\x01\n\xff\xfe line\tbreak ") + std::string(200, 'n') + ".txt";
    const std::string longest = std::string(251, 'l') + ".txt";  // NAME_MAX: 255 bytes
    touch(dir / odd);
    touch(dir / longest);
    // Folders nested past PATH_MAX (4096 bytes): made step by step from inside.
    fs::path deep = dir;
    for (int i = 0; i < 20; ++i) deep /= std::string(250, 'd');
    {
        const fs::path cwd = fs::current_path();
        fs::current_path(dir);
        for (int i = 0; i < 20; ++i) {
            fs::create_directory(std::string(250, 'd'));
            fs::current_path(std::string(250, 'd'));
        }
        touch("deep.txt");
        fs::current_path(cwd);
    }
    WalkResult w = walk_inputs({dir});
    CHECK(has_file(w, dir / odd));
    CHECK(has_file(w, dir / longest));
    // The deepest folders cannot be opened by path: reported, and the walk ends normally.
    CHECK_FALSE(w.problems.empty());
    for (const Problem& p : w.problems) CHECK(p.cause.find("cannot read folder") != std::string::npos);
    {
        const fs::path cwd = fs::current_path();
        fs::current_path(dir);
        std::error_code ec;
        // Removed from inside out, as it was made.
        for (int i = 0; i < 20; ++i) fs::current_path(std::string(250, 'd'));
        fs::remove("deep.txt");
        for (int i = 0; i < 20; ++i) {
            fs::current_path("..");
            fs::remove(std::string(250, 'd'), ec);
        }
        fs::current_path(cwd);
    }
    fs::remove_all(dir);
}

TEST_CASE("references are found in linear time in very long text (RE2)") {
    std::string text;
    for (int i = 0; i < 20000; ++i) text += "General Assembly resolution 74/17 ";
    text += "General Assembly resolution 74/176, para. 7";
    std::vector<TextReference> refs = find_references(text);
    REQUIRE(refs.size() == 20001);
    CHECK(refs.back().symbol == "A/RES/74/176");
    REQUIRE(refs.back().paragraphs.size() == 1);
    CHECK(refs.back().paragraphs[0] == "7");
    // One "word" of a million characters that std::regex walked recursively.
    const std::string long_run = "CCPCJ " + std::string(1'000'000, '1') + "/1";
    CHECK_NOTHROW(find_references(long_run));
    CHECK(canonical_symbol("General Assembly resolution 74/176") == "A/RES/74/176");
    CHECK(canonical_symbol("A/HRC/55/1.") == "A/HRC/55/1");
}

TEST_CASE("a sharded index whose document is in two shards (a run stopped between their commits) is repaired by the next run") {
    const fs::path dir = fresh_dir("shard-repair");
    const std::string a = "A/HRC/WG.9/2020/1\n\nDistr.: General 1 March 2020\n\n1. The Working Group met on shardrepairmarker.\n";
    touch(dir / "docs" / "a.txt", a);
    touch(dir / "docs" / "b.txt", "A/HRC/WG.9/2021/2\n\nDistr.: General 1 March 2021\n\n1. Another meeting.\n");
    IndexOptions options;
    options.db = dir / "db";
    options.paths = {dir / "docs"};
    options.shard_by = "year";
    options.threads = 1;
    REQUIRE(run_index(options).indexed == 2);
    const std::string path = (dir / "docs" / "a.txt").string();
    std::string id;
    size_t units = 0;
    {
        Searcher searcher((dir / "db" / "verbatim.stub").string());
        auto meta = searcher.find_document("A/HRC/WG.9/2020/1");
        REQUIRE(meta.has_value());
        id = meta->id;
        units = searcher.document_units(id).size();
        REQUIRE(units > 0);
    }
    // The state a failure leaves when a.txt's document moved to shard-2021 and only that
    // shard committed: the document and its record in both shards.
    {
        std::optional<FileRecord> record;
        {
            IndexWriter old_shard(dir / "db" / "shard-2020");
            record = old_shard.file_record(path);
        }
        REQUIRE(record.has_value());
        IndexWriter other(dir / "db" / "shard-2021");
        other.replace_document(build_document(lay_out_text(a), path, nullptr));
        other.set_file_record(path, *record);
        other.commit();
    }
    {
        Searcher searcher((dir / "db" / "verbatim.stub").string());
        CHECK(searcher.document_units(id).size() == 2 * units);  // found twice
    }
    IndexSummary again = run_index(options);
    CHECK(again.indexed == 1);  // a.txt, indexed again into its one shard
    Searcher searcher((dir / "db" / "verbatim.stub").string());
    CHECK(searcher.document_units(id).size() == units);
    fs::remove_all(dir);
}
