#include "indexer/index/pass_writer.h"

#include <system_error>

#include "indexer/index/twins.h"
#include "indexer/index/writer.h"

namespace verbatim {

namespace fs = std::filesystem;

PassWriter::PassWriter(IndexSink& sink, PartWriters* parts, Providers providers, size_t batch_files,
                       const IndexCallbacks& callbacks, IndexSummary& summary, uint64_t bytes_total)
    : sink_(sink),
      parts_(parts),
      providers_(std::move(providers)),
      batch_files_(batch_files),
      callbacks_(callbacks),
      summary_(summary) {
    progress_.files_total = summary.files;
    progress_.bytes_total = bytes_total;
}

void PassWriter::report(const Problem& problem) {
    summary_.problems.push_back(problem);
    if (callbacks_.on_problem) callbacks_.on_problem(problem);
}

void PassWriter::finish_file(const PendingFile& file) {
    ++progress_.files_done;
    progress_.bytes_done += file.size;
    if (callbacks_.on_progress) callbacks_.on_progress(progress_);
    if (!parts_ && ++in_batch_ >= batch_files_) {
        sink_.commit_batch();
        sink_.begin_batch();
        in_batch_ = 0;
    }
}

void PassWriter::consume(const PendingFile& p, Prepared&& prepared) {
    progress_.current = p.path;
    if (!p.stat_error.empty()) {
        report({p.path, 0, "cannot read: " + p.stat_error});
        ++summary_.skipped;
    } else if (p.unchanged) {
        ++summary_.unchanged;
    } else if (prepared.problem) {
        report(*prepared.problem);  // a file that breaks keeps what was indexed of it before
        ++summary_.skipped;
    } else if (prepared.same_bytes) {
        FileRecord touched = *p.old;  // same bytes, new time stamp: remember it
        touched.size = p.size;
        touched.mtime_ns = p.mtime;
        sink_.set_file_record(p.path, touched);
        ++summary_.unchanged;
    } else {
        for (const Problem& problem : prepared.doc->problems) report(problem);
        if (prepared.doc->units.empty()) {
            report({p.path, 0, "no text found to index"});
            ++summary_.skipped;
        } else {
            record_document(p, std::move(prepared));
        }
    }
    finish_file(p);
}

void PassWriter::record_document(const PendingFile& p, Prepared&& prepared) {
    const Document& doc = *prepared.doc;
    const std::string& path = p.path;
    FileRecord record{p.size, p.mtime, prepared.hash, p.manifest_hash, doc.meta.id, false};
    // The file used to give another document: that one goes unless someone else gives it.
    if (p.old && !p.old->merged && p.old->doc_id != doc.meta.id && provider_of(providers_, p.old->doc_id) == path) {
        sink_.remove_document(p.old->doc_id);
        if (parts_) parts_->drop(p.old->doc_id);
        providers_.erase(p.old->doc_id);
    }
    const std::string rival = provider_of(providers_, doc.meta.id);
    std::error_code ec;
    const TwinVerdict verdict = arbitrate_twins(path, rival, !rival.empty() && fs::exists(rival, ec));
    if (verdict != TwinVerdict::sole)
        summary_.merged.push_back(fs::path(path).filename().string() + " and " + fs::path(rival).filename().string() +
                                  " are one document (" + document_reference(doc.meta) + ")");
    if (verdict == TwinVerdict::this_defers) {
        if (parts_) parts_->drop(prepared.placed);
        record.merged = true;
        sink_.set_file_record(path, record);
        ++summary_.indexed;
        return;
    }
    if (verdict == TwinVerdict::rival_defers)
        if (auto r = sink_.file_record(rival)) {
            r->merged = true;
            sink_.set_file_record(rival, *r);
        }
    if (parts_) parts_->keep(doc.meta.id, prepared.placed);
    sink_.replace_document(doc.meta, std::move(prepared.units));  // in parts: none, or unwritten ones
    providers_[doc.meta.id] = path;
    sink_.set_file_record(path, record);
    ++summary_.indexed;
    summary_.units += doc.units.size();
}

}  // namespace verbatim
