// The manifest.ini of a folder `verbatim fetch` fills: one section per fetched file with
// what `verbatim index` reads (symbol, lang) and where the file came from (source_url,
// fetched_at, sha256). Edited in place: the sections and lines fetch does not own, and
// the comments, stay as they were.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <variant>
#include <string>
#include <vector>

#include "model/document.h"

namespace verbatim::fetch {

class ManifestFile {
  public:
    // Reads `path` (a missing file is an empty manifest). A manifest that `verbatim
    // index` would refuse is a Problem: fetch does not write over a file it cannot read.
    static std::variant<ManifestFile, Problem> load(const std::filesystem::path& path);

    // The value of `key` in the section of `file_name`, if there is one.
    std::optional<std::string> get(const std::string& file_name, const std::string& key) const;
    // Sets (replaces or adds) `key` in the section of `file_name`, adding the section.
    void set(const std::string& file_name, const std::string& key, const std::string& value);
    // The section names whose `key` is `value` ("sha256" = a hash: the same document).
    std::vector<std::string> sections_with(const std::string& key, const std::string& value) const;

    // Writes the whole file to a temporary name and renames it over the old one, so a
    // kill leaves the old manifest or the new one. Returns an error message, or "".
    std::string save() const;

  private:
    struct Section {
        std::string name;
        std::vector<std::string> lines;  // after the [name] line, as written
    };
    Section* find(const std::string& name);
    const Section* find(const std::string& name) const;

    std::filesystem::path path_;
    std::vector<std::string> preamble_;  // lines before the first section
    std::vector<Section> sections_;
};

// "2026-12-03T13:20:05Z"
std::string utc_timestamp();

}  // namespace verbatim::fetch
