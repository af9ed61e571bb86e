// `verbatim index`: walk, extract, structure, analyse and write, file by file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "indexer/extract/isolated_extract.h"
#include "model/document.h"

namespace verbatim {

struct IndexOptions {
    std::filesystem::path db;
    std::vector<std::filesystem::path> paths;
    size_t batch_files = 200;  // files per commit: a crash loses at most one batch
    size_t threads = 0;        // workers that read and analyse; 0: one per core
    std::string shard_by;      // "year", "body", "N" shards; empty: as the folder is (index/shards.h)
    uint64_t max_file_bytes = uint64_t{256} << 20;  // a larger file is reported and skipped
    PdfLimits pdf;  // how each PDF is read: time, memory, OCR (extract/isolated_extract.h)
};

struct IndexProgress {
    size_t files_done = 0, files_total = 0;
    uint64_t bytes_done = 0, bytes_total = 0;
    std::string current;
};

struct IndexSummary {
    size_t files = 0;      // files found
    size_t indexed = 0;    // (re)indexed this run
    size_t unchanged = 0;  // skipped because unchanged
    size_t removed = 0;    // files gone since the last run, their documents removed
    size_t skipped = 0;    // bad files, not indexed
    size_t units = 0;      // units written this run
    std::vector<std::string> merged;  // "a.txt and a.pdf are one document: CTOC/..."
    std::vector<Problem> problems;    // every problem, fatal to its file or not
};

struct IndexCallbacks {
    std::function<void(const Problem&)> on_problem;          // as soon as it happens
    std::function<void(const IndexProgress&)> on_progress;   // after each file
};

// Runs an indexing pass. Throws IndexError when the database cannot be opened;
// problems with single files are reported and the run goes on.
IndexSummary run_index(const IndexOptions& options, const IndexCallbacks& callbacks = {});

}  // namespace verbatim
