// A new index written by every worker at once.
//
// Xapian allows one writer per database, and on a text corpus that writer is half of
// the work: with one writer thread the other workers wait for it. So a new index (one
// that holds no unit yet) is built in parts: each worker adds the units of the files it
// prepares to a part of its own (a hidden database beside the index, index/writer.h
// part_path), and at the end the parts are merged into the index by compaction, in one
// atomic swap (IndexWriter::merge_parts).
//
// The main thread still decides, file by file and in order, which file provides a
// document (keep, drop), and writes the file records, so the index is the one a single
// writer would give. Worker k always gets the same files (index/pipeline.h), so unit
// numbers, and with them the order of equal-scoring hits, do not depend on timing (where
// two files give one document, the loser's units may or may not have been written before
// they were dropped, leaving a gap in the numbers: the order stays the same).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "indexer/index/writer.h"

namespace verbatim {

class PartWriters {
  public:
    // Where a document's units went.
    struct Placement {
        size_t part = 0;
        Xapian::docid first = 0;  // 0: no unit
        size_t count = 0;
    };

    // Creates `parts` empty parts beside the index `db`.
    PartWriters(const std::filesystem::path& db, size_t parts);
    ~PartWriters();  // removes the parts' folders
    PartWriters(const PartWriters&) = delete;
    PartWriters& operator=(const PartWriters&) = delete;

    // On worker `part`'s thread only: writes the units of a document into that part.
    Placement add(size_t part, const DocumentMeta& meta, const std::vector<Xapian::Document>& units);

    // On the main thread. The document `doc_id` is made of these units: another set of
    // units placed for it earlier in the run goes.
    void keep(const std::string& doc_id, const Placement& placed);
    // These units are not wanted (another file provides their document).
    void drop(const Placement& placed);
    // Whatever was kept for `doc_id` goes.
    void drop(const std::string& doc_id);

    // Once the workers have stopped: deletes what was dropped, commits every part and
    // merges them into `index` (IndexWriter::merge_parts). Throws IndexError.
    void merge_into(IndexWriter& index);

  private:
    std::vector<std::filesystem::path> paths_;
    std::vector<std::unique_ptr<IndexWriter>> writers_;
    std::map<std::string, Placement> kept_;  // doc id -> its units
    std::vector<Placement> dropped_;
};

}  // namespace verbatim
