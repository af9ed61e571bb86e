#include "indexer/index/pass_plan.h"

#include <chrono>
#include <system_error>

namespace verbatim {

namespace fs = std::filesystem;

namespace {

bool under_any(const std::string& path, const std::vector<fs::path>& roots) {
    for (const fs::path& root : roots) {
        std::string r = root.string();
        if (path == r || (path.size() > r.size() && path.compare(0, r.size(), r) == 0 &&
                          (r.back() == '/' || path[r.size()] == '/')))
            return true;
    }
    return false;
}

int64_t mtime_ns(const fs::path& p, std::error_code& ec) {
    auto t = fs::last_write_time(p, ec);
    return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

}  // namespace

Providers providers_of(const FileRecords& known) {
    Providers providers;
    for (const auto& [path, record] : known)
        if (!record.merged && !record.doc_id.empty()) providers.emplace(record.doc_id, path);
    return providers;
}

const std::string& provider_of(const Providers& providers, const std::string& doc_id) {
    static const std::string none;
    auto it = providers.find(doc_id);
    return it == providers.end() ? none : it->second;
}

Vanished find_vanished(const FileRecords& known, const Providers& providers, const std::vector<fs::path>& roots,
                       const std::function<bool(const std::string&)>& present) {
    Vanished out;
    for (const auto& [path, record] : known) {
        if (!under_any(path, roots) || present(path)) continue;
        out.records.push_back(path);
        if (!record.merged && provider_of(providers, record.doc_id) == path) out.documents.push_back(record.doc_id);
    }
    return out;
}

void remove_vanished(const Vanished& vanished, IndexSink& sink, FileRecords& known, Providers& providers) {
    for (const std::string& path : vanished.records) {
        sink.remove_file_record(path);
        known.erase(path);
    }
    for (const std::string& doc_id : vanished.documents) {
        sink.remove_document(doc_id);
        providers.erase(doc_id);
        for (auto& [twin_path, twin] : known)
            if (twin.merged && twin.doc_id == doc_id) twin.hash.clear(), twin.size = 0;
    }
}

bool is_unchanged(const PendingFile& f) {
    return f.stat_error.empty() && f.old && f.old->size == f.size && f.old->mtime_ns == f.mtime &&
           f.old->manifest_hash == f.manifest_hash;
}

std::vector<PendingFile> plan_files(std::vector<fs::path> files, FileRecords&& known, ManifestFinder& manifests) {
    std::vector<PendingFile> pending;
    pending.reserve(files.size());
    for (fs::path& walked : files) {
        PendingFile p;
        p.path = walked.string();
        p.file = std::move(walked);
        std::error_code ec;
        p.size = fs::file_size(p.file, ec);
        p.mtime = ec ? 0 : mtime_ns(p.file, ec);
        if (ec) p.stat_error = ec.message();
        p.entry = manifests.entry_for(p.file);
        p.manifest_hash = manifest_fingerprint(p.entry);
        if (auto it = known.find(p.path); it != known.end()) p.old = std::move(it->second);
        p.unchanged = is_unchanged(p);
        pending.push_back(std::move(p));
    }
    known.clear();
    return pending;
}

}  // namespace verbatim
