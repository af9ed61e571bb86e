// What one indexing run has to do, worked out before any file is read: which files
// vanished since the last run and what goes with them, and for every file found
// whether it is unchanged (nothing to read) or has to be read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "indexer/index/manifest_finder.h"
#include "indexer/index/sink.h"

namespace verbatim {

// Every file the index remembers, by absolute path (IndexSink::file_records).
using FileRecords = std::map<std::string, FileRecord>;
// Document id -> the file that provides it, over this run and earlier ones.
using Providers = std::map<std::string, std::string>;

// The providers the records name: every record not merged into another file's.
Providers providers_of(const FileRecords& known);

// The provider of `doc_id`, "" when none.
const std::string& provider_of(const Providers& providers, const std::string& doc_id);

struct Vanished {
    std::vector<std::string> records;    // files gone: their records go
    std::vector<std::string> documents;  // documents no remaining file provided
};

// Files the index knows under `roots` (the folders and files this run indexes) for
// which `present` is false: deleted, or no longer of a format verbatim reads.
Vanished find_vanished(const FileRecords& known, const Providers& providers,
                       const std::vector<std::filesystem::path>& roots,
                       const std::function<bool(const std::string&)>& present);

// Writes the removals into `sink` and forgets them in `known` and `providers`. A file
// merged into a removed document is marked to be read again: it gives it now.
void remove_vanished(const Vanished& vanished, IndexSink& sink, FileRecords& known, Providers& providers);

// A file found by the walk, and what the index knew of it.
struct PendingFile {
    std::filesystem::path file;
    std::string path;  // `file` as a string: the key of its record
    uint64_t size = 0;
    int64_t mtime = 0;
    const ManifestEntry* entry = nullptr;
    std::string manifest_hash;
    std::optional<FileRecord> old;  // its record from an earlier run
    std::string stat_error;         // why its size or time stamp cannot be read
    bool unchanged = false;         // same size, time stamp and manifest entry: not read
};

// True when the file can be skipped unread: its record says the same size, time stamp
// and manifest entry.
bool is_unchanged(const PendingFile& file);

// One PendingFile per walked file, in the walk's order; the records of `known` move
// into them.
std::vector<PendingFile> plan_files(std::vector<std::filesystem::path> files, FileRecords&& known,
                                    ManifestFinder& manifests);

}  // namespace verbatim
