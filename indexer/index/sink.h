// What the indexer pipeline (index/indexer.h) writes through: one database
// (IndexWriter, index/writer.h) or an index split into shards (ShardedWriter,
// index/shards.h), behind one interface. open_index (index/shards.h) picks the one a
// folder needs.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/document.h"

namespace verbatim {

// What the index remembers of a source file, to skip it when unchanged.
struct FileRecord {
    uint64_t size = 0;
    int64_t mtime_ns = 0;
    std::string hash;           // FNV-1a 64 of the bytes, hex
    std::string manifest_hash;  // of the manifest entry applied, "" when none
    std::string doc_id;         // the document it provides
    bool merged = false;        // another file provides the same document: not indexed
};

// Raised when the database cannot be opened for writing; the message says what to do.
struct IndexError : std::runtime_error {
    using std::runtime_error::runtime_error;
};
// Another process holds the database's write lock (a run in progress).
struct IndexLockedError : IndexError {
    using IndexError::IndexError;
};

class IndexSink {
  public:
    virtual ~IndexSink() = default;

    // Replaces every unit of a document (by document id) with `units`, made by
    // unit_document (index/writer.h) on any thread: old units go, new ones come.
    virtual void replace_document(const DocumentMeta& meta, std::vector<Xapian::Document> units) = 0;
    virtual void remove_document(const std::string& doc_id) = 0;

    virtual std::optional<FileRecord> file_record(const std::string& path) const = 0;
    virtual void set_file_record(const std::string& path, const FileRecord& record) = 0;
    virtual void remove_file_record(const std::string& path) = 0;
    // Every file the index knows, by absolute path.
    virtual std::map<std::string, FileRecord> file_records() const = 0;

    // Groups changes so that a commit holds whole files only.
    virtual void begin_batch() = 0;
    virtual void commit_batch() = 0;
    // Compacts every database this sink created (IndexWriter::compact), not within a
    // batch. Empty when done, else why not: each database is then whole, only not compacted.
    virtual std::string compact_created() = 0;
};

}  // namespace verbatim
