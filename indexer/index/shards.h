// Writing an index split into shards (`verbatim index --shard-by year|body|N`): one
// Xapian database per shard in DB/shard-<key>/, and DB/verbatim.stub listing them, which
// Xapian (and verbatim) open as one combined database.
//
// A document always goes to the shard of its key (its year, its body, or a stable hash
// of its id); when its key changes it moves. The record of a source file lives in the
// shard that holds its document (merged twins included), so a shard is a complete,
// self-describing piece of the index; lookups read every shard's records.
//
// Without --shard-by and without a stub, the index is one plain IndexWriter on DB
// (open_index). Without --shard-by on a sharded folder, the scheme recorded in the stub
// is used.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "indexer/index/writer.h"

namespace verbatim {

// "year", "body", or a number of hash shards ("4"); empty: not sharded.
// Returns an error message, empty when `scheme` is valid.
std::string check_shard_scheme(const std::string& scheme);

// The shard folder name of a document under a scheme: "shard-2019", "shard-3".
std::string shard_name(const std::string& scheme, const DocumentMeta& meta);

// The writer of the index at `db`: one IndexWriter when it is not sharded (no scheme
// given, no stub), else a ShardedWriter. Throws IndexError on a bad scheme, or one that
// differs from the folder's.
std::unique_ptr<IndexSink> open_index(const std::filesystem::path& db, const std::string& scheme);

class ShardedWriter final : public IndexSink {
  public:
    // `scheme` empty: the one the folder's stub records. Throws IndexError on a bad
    // scheme, one that differs from the folder's, or none at all.
    ShardedWriter(const std::filesystem::path& db, const std::string& scheme);

    void replace_document(const DocumentMeta& meta, std::vector<Xapian::Document> units) override;
    void remove_document(const std::string& doc_id) override;

    std::optional<FileRecord> file_record(const std::string& path) const override;
    void set_file_record(const std::string& path, const FileRecord& record) override;
    void remove_file_record(const std::string& path) override;
    std::map<std::string, FileRecord> file_records() const override;

    void begin_batch() override;
    void commit_batch() override;  // commits every shard, then rewrites the stub
    std::string compact_created() override;

  private:
    IndexWriter& shard(const std::string& name);  // opened or created on first use
    void write_stub() const;
    // A document found in two shards (a run stopped between their commits): removed from
    // all, with its files' records, so that the run indexes it again in its shard.
    void repair_duplicates();

    std::filesystem::path db_;
    std::string scheme_;
    std::map<std::string, std::unique_ptr<IndexWriter>> shards_;
    std::map<std::string, std::string> doc_shard_;   // doc id -> shard holding it
    std::map<std::string, std::string> file_shard_;  // file path -> shard holding its record
    bool in_batch_ = false;
};

}  // namespace verbatim
