#include "indexer/index/indexer.h"

#include <algorithm>
#include <system_error>
#include <thread>

#include "indexer/extract/extract.h"
#include "indexer/index/manifest_finder.h"
#include "indexer/index/parts.h"
#include "indexer/index/pass_plan.h"
#include "indexer/index/pass_writer.h"
#include "indexer/index/pipeline.h"
#include "indexer/index/prepare.h"
#include "indexer/index/shards.h"
#include "indexer/index/twins.h"
#include "indexer/index/walk.h"
#include "indexer/index/writer.h"

namespace verbatim {

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> absolute_roots(const std::vector<fs::path>& paths) {
    std::vector<fs::path> roots;
    for (const fs::path& p : paths) {
        std::error_code ec;
        roots.push_back(fs::absolute(p, ec).lexically_normal());
    }
    return roots;
}

// Still there to index: not deleted, and of a format verbatim reads.
bool still_indexable(const std::string& path) {
    std::error_code ec;
    return fs::exists(path, ec) && source_format(path) != SourceFormat::unsupported;
}

uint64_t total_bytes(const std::vector<PendingFile>& files) {
    uint64_t total = 0;
    for (const PendingFile& f : files) total += f.size;
    return total;
}

}  // namespace

IndexSummary run_index(const IndexOptions& options, const IndexCallbacks& callbacks) {
    IndexSummary summary;
    auto report = [&](const Problem& p) {
        summary.problems.push_back(p);
        if (callbacks.on_problem) callbacks.on_problem(p);
    };
    std::unique_ptr<IndexSink> sink = open_index(options.db, options.shard_by);
    WalkResult walk = walk_inputs(options.paths);
    for (const Problem& p : walk.problems) report(p);
    summary.skipped += walk.problems.size();  // inputs given or found that cannot be read
    summary.files = walk.files.size();

    // The plan: what vanished goes, and every file found is unchanged or to be read.
    FileRecords known = sink->file_records();
    const bool had_records = !known.empty();
    Providers providers = providers_of(known);
    sink->begin_batch();
    const Vanished vanished = find_vanished(known, providers, absolute_roots(options.paths), still_indexable);
    remove_vanished(vanished, *sink, known, providers);
    summary.removed = vanished.records.size();
    ManifestFinder manifests(report);
    const std::vector<PendingFile> pending = plan_files(std::move(walk.files), std::move(known), manifests);

    // Reading, extracting, structuring and analysing run on worker threads; the Xapian
    // writer stays on this thread and sees the files in order, so results are the same
    // whatever the timing. One worker per core beside the writer's thread; a window of
    // files keeps memory flat.
    const size_t cores = std::max(1u, std::thread::hardware_concurrency());
    const size_t workers = options.threads > 0 ? options.threads : cores;
    // A new index is written by every worker at once (index/parts.h), but only one that
    // holds nothing yet, records included: the merge keeps the index's committed
    // metadata before the run's.
    IndexWriter* plain = dynamic_cast<IndexWriter*>(sink.get());  // null: sharded
    std::unique_ptr<PartWriters> parts;
    if (plain && plain->created() && !had_records && workers > 1 && pending.size() > workers)
        parts = std::make_unique<PartWriters>(options.db, workers);
    BestProviders best;
    const PrepareContext context{options.max_file_bytes, options.pdf, parts.get(), &best};
    PassWriter writer(*sink, parts.get(), std::move(providers), options.batch_files, callbacks, summary,
                      total_bytes(pending));
    ordered_parallel<Prepared>(
        pending.size(), workers, 4 * workers + 8,
        [&](size_t i, size_t worker) {
            return at_stage_boundary(pending[i].path, [&] { return prepare_file(pending[i], worker, context); });
        },
        [&](size_t i, Prepared&& prepared) { writer.consume(pending[i], std::move(prepared)); });

    if (parts) {
        parts->merge_into(*plain);
        return summary;
    }
    sink->commit_batch();
    // A new index is written in batches, which leave its B-trees half full: rewritten
    // compactly it is half the size (a few seconds per GB). Later runs change little.
    if (summary.indexed > 0)
        if (std::string why = sink->compact_created(); !why.empty())
            report({options.db.string(), 0, "the index is complete but could not be compacted (" + why + ")"});
    return summary;
}

}  // namespace verbatim
