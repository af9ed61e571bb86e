#include "indexer/index/parts.h"

namespace verbatim {

namespace fs = std::filesystem;

PartWriters::PartWriters(const fs::path& db, size_t parts) {
    for (size_t k = 0; k < parts; ++k) {
        paths_.push_back(part_path(db, k));
        std::error_code ec;
        fs::remove_all(paths_.back(), ec);
        // No transaction: Xapian commits a part each time its buffers fill (cheap, nothing
        // is synced); a transaction as long as the run made memory grow with the corpus.
        writers_.push_back(std::make_unique<IndexWriter>(paths_.back(), IndexWriter::Durability::scratch));
    }
}

PartWriters::~PartWriters() {
    writers_.clear();  // closed before their folders go
    std::error_code ec;
    for (const fs::path& p : paths_) fs::remove_all(p, ec);
}

PartWriters::Placement PartWriters::add(size_t part, const DocumentMeta& meta,
                                        const std::vector<Xapian::Document>& units) {
    return {part, writers_.at(part)->add_units(meta, units), units.size()};
}

void PartWriters::keep(const std::string& doc_id, const Placement& placed) {
    auto [it, added] = kept_.try_emplace(doc_id, placed);
    if (added) return;
    drop(it->second);
    it->second = placed;
}

void PartWriters::drop(const Placement& placed) {
    if (placed.count > 0) dropped_.push_back(placed);
}

void PartWriters::drop(const std::string& doc_id) {
    auto it = kept_.find(doc_id);
    if (it == kept_.end()) return;
    drop(it->second);
    kept_.erase(it);
}

void PartWriters::merge_into(IndexWriter& index) {
    for (const Placement& p : dropped_)
        for (size_t i = 0; i < p.count; ++i) writers_.at(p.part)->delete_unit(p.first + static_cast<Xapian::docid>(i));
    dropped_.clear();
    for (auto& writer : writers_) writer->commit();
    writers_.clear();  // closed: their last commit is what the merge reads
    index.merge_parts(paths_);
}

}  // namespace verbatim
