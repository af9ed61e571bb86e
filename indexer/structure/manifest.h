// The corpus manifest: what a file cannot say about itself (symbol, date, title, type,
// meeting, language), in one small human-editable INI file, `manifest.ini`:
//
//   [001_7d3c025fb8d284f4]          ; a file name, or its stem (matches .txt and .pdf)
//   symbol = CTOC/COP/WG.4/2020/4
//   date = 2020-09-28
//
// The manifest wins where it and the text both speak.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/document.h"

namespace verbatim {

inline constexpr const char* kManifestFileName = "manifest.ini";

struct ManifestEntry {
    std::string key;                            // file name or stem
    std::map<std::string, std::string> fields;  // known keys only
    int line = 0;                               // where the entry starts, for messages
};

struct Manifest {
    std::string file;  // where it was read from
    std::vector<ManifestEntry> entries;

    // The entry for `path`, matched by file name, then by stem; null when none.
    const ManifestEntry* find(const std::filesystem::path& path) const;
};

// Parses manifest text; a Problem names the line and what is wrong with it.
std::variant<Manifest, Problem> parse_manifest(std::string_view text, const std::string& file);

// Overrides `meta` with the entry's fields.
void apply_manifest(const ManifestEntry& entry, DocumentMeta& meta);

}  // namespace verbatim
