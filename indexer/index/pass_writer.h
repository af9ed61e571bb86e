// The writer's side of an indexing pass: on one thread, file by file in the walk's
// order, what each prepared file means for the index (a document written, a problem
// reported, a twin merged, a record touched), with commits in batches so that a crash
// loses at most one batch and a commit holds whole files only.
#pragma once

#include <cstddef>

#include "indexer/index/indexer.h"
#include "indexer/index/parts.h"
#include "indexer/index/pass_plan.h"
#include "indexer/index/prepare.h"
#include "indexer/index/sink.h"

namespace verbatim {

class PassWriter {
  public:
    // `parts`: a parallel build (index/parts.h), which commits once, when the parts are
    // merged; null: batches of `batch_files` files are committed as they fill.
    PassWriter(IndexSink& sink, PartWriters* parts, Providers providers, size_t batch_files,
               const IndexCallbacks& callbacks, IndexSummary& summary, uint64_t bytes_total);

    // Records what `prepared` says of `file`. Files come in the walk's order.
    void consume(const PendingFile& file, Prepared&& prepared);

  private:
    void report(const Problem& problem);
    // `file` is done: progress, and a commit when the batch is full.
    void finish_file(const PendingFile& file);
    // The document `prepared` gives, its twins arbitrated.
    void record_document(const PendingFile& file, Prepared&& prepared);

    IndexSink& sink_;
    PartWriters* parts_;
    Providers providers_;
    size_t batch_files_;
    size_t in_batch_ = 0;
    const IndexCallbacks& callbacks_;
    IndexSummary& summary_;
    IndexProgress progress_;
};

}  // namespace verbatim
