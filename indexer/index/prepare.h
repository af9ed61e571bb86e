// One file's way from bytes to the Xapian documents of its units, on a worker thread:
// read, hash, extract, structure and analyse. Returns what the writer's thread needs to
// record the file: a document, a problem, or that nothing changed.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "indexer/extract/isolated_extract.h"
#include "indexer/index/parts.h"
#include "indexer/index/pass_plan.h"
#include "indexer/index/twins.h"
#include "model/document.h"

namespace verbatim {

// A citable unit is a paragraph: one of megabytes is a dump without breaks, and one
// Xapian document of it would hold millions of positions.
constexpr size_t kMaxUnitBytes = size_t{16} << 20;

struct Prepared {
    std::optional<Problem> problem;  // the file is skipped
    std::string hash;
    bool same_bytes = false;  // content hash unchanged: nothing to re-index
    std::optional<Document> doc;
    std::vector<Xapian::Document> units;  // empty when written into a part instead
    PartWriters::Placement placed;        // a parallel build: where the units went
};

struct PrepareContext {
    uint64_t max_file_bytes = 0;  // a larger file is a problem
    PdfLimits pdf;
    // A parallel build writes units into the worker's part (index/parts.h); null: the
    // units come back to the writer's thread.
    PartWriters* parts = nullptr;
    BestProviders* best = nullptr;  // with parts: which file is the best for a document yet
};

// Prepares one file. Nothing is read for a file that cannot be read or is unchanged
// (the pass plan says so; an empty Prepared comes back).
Prepared prepare_file(const PendingFile& file, size_t worker, const PrepareContext& context);

// The stage boundary: whatever `step` does, a throw included (a number out of range,
// memory, a bug), costs the file `path` only, as a problem. A failure to write a part
// (Xapian::DatabaseError, IndexError) is the index's, not the file's: it goes on up.
Prepared at_stage_boundary(const std::string& path, const std::function<Prepared()>& step);

}  // namespace verbatim
