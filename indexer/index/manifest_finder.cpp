#include "indexer/index/manifest_finder.h"

#include <system_error>

#include "indexer/extract/extract.h"
#include "indexer/index/writer.h"

namespace verbatim {

namespace fs = std::filesystem;

const ManifestEntry* ManifestFinder::entry_for(const fs::path& file) {
    for (fs::path dir = file.parent_path();; dir = dir.parent_path()) {
        if (const Manifest* m = manifest_in(dir)) return m->find(file);
        if (dir == dir.root_path() || dir.empty()) return nullptr;
    }
}

const Manifest* ManifestFinder::manifest_in(const fs::path& dir) {
    auto it = cache_.find(dir);
    if (it != cache_.end()) return it->second ? &*it->second : nullptr;
    std::optional<Manifest> found;
    fs::path candidate = dir / kManifestFileName;
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) {
        auto bytes = read_file_bytes(candidate, size_t{1} << 20);  // a manifest is a few lines a file
        if (auto* text = std::get_if<std::string>(&bytes)) {
            auto parsed = parse_manifest(*text, candidate.string());
            if (auto* m = std::get_if<Manifest>(&parsed)) found = std::move(*m);
            else report_(std::get<Problem>(parsed));
        } else {
            report_(std::get<Problem>(bytes));
        }
    }
    auto& slot = cache_[dir];
    slot = std::move(found);
    return slot ? &*slot : nullptr;
}

std::string manifest_fingerprint(const ManifestEntry* entry) {
    if (!entry) return "";
    std::string s;
    for (const auto& [k, v] : entry->fields) s += k + "=" + v + "\n";
    return content_hash(s);
}

}  // namespace verbatim
