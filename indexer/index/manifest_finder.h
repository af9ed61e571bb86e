// The manifest that governs a file (structure/manifest.h): manifest.ini in its folder
// or the nearest folder above it, each read once per run.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "indexer/structure/manifest.h"
#include "model/document.h"

namespace verbatim {

class ManifestFinder {
  public:
    // `report` hears of a manifest that cannot be read or parsed (once per manifest).
    explicit ManifestFinder(std::function<void(const Problem&)> report) : report_(std::move(report)) {}

    // The entry for `file`, else nullptr (no manifest governs it, or it has no entry).
    const ManifestEntry* entry_for(const std::filesystem::path& file);

  private:
    const Manifest* manifest_in(const std::filesystem::path& dir);

    std::function<void(const Problem&)> report_;
    std::map<std::filesystem::path, std::optional<Manifest>> cache_;
};

// A hash of the entry's fields ("" when none): a changed entry re-indexes its file.
std::string manifest_fingerprint(const ManifestEntry* entry);

}  // namespace verbatim
