#include "indexer/index/twins.h"

#include "indexer/extract/extract.h"

namespace verbatim {

namespace {

int format_rank(const std::string& path) { return source_format(path) == SourceFormat::pdf ? 2 : 1; }

}  // namespace

bool provides_before(const std::string& a, const std::string& b) {
    return format_rank(a) > format_rank(b) || (format_rank(a) == format_rank(b) && a < b);
}

TwinVerdict arbitrate_twins(const std::string& path, const std::string& rival, bool rival_exists) {
    if (rival.empty() || rival == path) return TwinVerdict::sole;
    return rival_exists && provides_before(rival, path) ? TwinVerdict::this_defers : TwinVerdict::rival_defers;
}

bool BestProviders::claim(const std::string& doc_id, const std::string& path) {
    std::lock_guard lock(mutex_);
    auto [it, added] = best_.try_emplace(doc_id, path);
    if (added) return true;
    if (!provides_before(path, it->second)) return false;
    it->second = path;
    return true;
}

}  // namespace verbatim
