// The only code that writes the Xapian database. Every term prefix and value slot it
// uses is declared in model/schema.h.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <vector>

#include "analysis/analyser.h"
#include "indexer/index/sink.h"
#include "model/document.h"

namespace verbatim {

class IndexWriter final : public IndexSink {
  public:
    enum class Durability {
        synced,   // every commit is on disk before it returns
        scratch,  // no waiting for the disk: a database thrown away if the run dies
    };
    // Opens the database at `path`, creating it when missing.
    explicit IndexWriter(const std::filesystem::path& path, Durability durability = Durability::synced);

    // Replaces every unit of `doc` (by document id): old units go, new ones come.
    void replace_document(const Document& doc);
    // The same with the units' Xapian documents already made: the writer only writes.
    void replace_document(const DocumentMeta& meta, std::vector<Xapian::Document> units) override;
    // Adds the units of a document without removing anything first, nor recording the
    // document (a part of a parallel build: see index/parts.h). Returns the first docid
    // (the others follow it), 0 when there is no unit.
    Xapian::docid add_units(const DocumentMeta& meta, const std::vector<Xapian::Document>& units);
    // Deletes one unit added by add_units.
    void delete_unit(Xapian::docid id) { db_.delete_document(id); }
    void remove_document(const std::string& doc_id) override;

    std::optional<FileRecord> file_record(const std::string& path) const override;
    void set_file_record(const std::string& path, const FileRecord& record) override;
    void remove_file_record(const std::string& path) override;
    std::map<std::string, FileRecord> file_records() const override;

    void begin_batch() override;
    void commit_batch() override;
    // Commits what was written outside a batch.
    void commit() { db_.commit(); }

    // True when this writer created the database (it did not exist, or held no unit).
    bool created() const { return created_; }
    // Rewrites the committed database compactly (half the size after a full run: commits
    // in batches leave B-tree blocks half full) and swaps it in atomically: a reader or a
    // crash at any moment sees the old or the new database, both whole. Not within a batch.
    // Empty when done, else why not (the database is then as it was, whole).
    std::string compact();
    // compact() when this writer created the database, else nothing.
    std::string compact_created() override { return created_ ? compact() : std::string(); }
    // Makes this database, new and written in one batch (its records, maybe a few units),
    // hold the units of `parts` too (databases written in parallel: index/parts.h): the
    // batch is moved into one more part, never committed here, and all are compacted into
    // one database swapped in atomically. Until the swap this database stays as it was
    // (empty): a reader or a crash never sees records without their units.
    // Throws IndexError when the merge fails (a full disk).
    void merge_parts(std::vector<std::filesystem::path> parts);

  private:
    const Analyser& analyser_for(const std::string& lang);
    // Records each new exact term of `units` under its stem in `lang` (model/stem_forms.h).
    void record_stem_forms(const std::string& lang, const std::vector<Xapian::Document>& units);
    // Compacts the last commit, followed by `parts`, beside the database and swaps it in.
    // False (and `why`) when that could not be done: the database is then unchanged.
    bool rewrite(const std::vector<std::filesystem::path>& parts, std::string& why);

    std::filesystem::path path_;
    bool created_ = false;
    Xapian::WritableDatabase db_;
    std::map<std::string, std::unique_ptr<Analyser>> analysers_;
    // Forms this writer has recorded, by language: a known word costs one lookup.
    std::map<std::string, std::unordered_set<std::string>> recorded_forms_;
    bool in_batch_ = false;
};

// Where part `k` of a parallel build of the index `db` is written: a hidden folder beside
// it (never taken for a shard), removed by the next writer of `db` if left behind.
std::filesystem::path part_path(const std::filesystem::path& db, size_t k);

// The Xapian document of one unit: its terms, boolean filter terms, values and stored
// record. The words are analysed in the unit's own language when it is detected with
// certainty and has a stemmer, else by `analyser` (the document's language); the
// language used is the unit's schema::kUnitLang term. Thread-safe for distinct analysers.
Xapian::Document unit_document(const DocumentMeta& doc, const Unit& unit, const Analyser& analyser);

// Xapian buffers a writer's changes until this many documents: with units as small as
// paragraphs, 500 keeps its maps in the CPU's cache (a quarter less CPU on ungdc than
// the default 10,000, and a third of the memory). Xapian 1.4 takes it only from the
// environment (XAPIAN_FLUSH_THRESHOLD, read when a database opens), so a program that
// indexes sets it there itself, before any thread starts (setenv is not thread-safe),
// and leaves a value the user set: the library does not touch the environment.
inline constexpr const char* kFlushThresholdVariable = "XAPIAN_FLUSH_THRESHOLD";
inline constexpr const char* kFlushThreshold = "500";

// FNV-1a 64-bit hash of `bytes`, as 16 hex digits.
std::string content_hash(std::string_view bytes);

// Index terms of a unit's text, as the writer adds them (for tests and tools), with
// positions after `base`; returns the last position used.
Xapian::termpos add_text_terms(Xapian::Document& xdoc, const Analyser& analyser, const std::string& text,
                               Xapian::termpos base = 0);

}  // namespace verbatim
