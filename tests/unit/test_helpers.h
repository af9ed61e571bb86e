// Small pieces the unit tests share: what an analysis gave, which unit has an anchor, a
// temporary folder.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "analysis/analyser.h"
#include "analysis/shingles.h"
#include "indexer/structure/units.h"

namespace verbatim::test {

// The terms of `tokens`, in order.
inline std::vector<std::string> terms(const std::vector<Token>& tokens) {
    std::vector<std::string> out;
    for (const auto& t : tokens) out.push_back(t.term);
    return out;
}

// The reuse keys of an English text, as the writer and find_reuse make them.
inline std::vector<std::string> reuse_keys_of(const std::string& text) {
    Analyser a("en");
    return reuse_keys(a.tokenize(text), a);
}

// The unit with `anchor`, else nullptr.
inline const Unit* find(const StructuredText& s, const std::string& anchor) {
    for (const Unit& u : s.units)
        if (u.anchor == anchor) return &u;
    return nullptr;
}

// A fresh folder verbatim-NAME-<pid> in the system's temporary folder, removed at the end.
struct TempDir {
    std::filesystem::path path;
    explicit TempDir(const std::string& name)
        : path(std::filesystem::temp_directory_path() / ("verbatim-" + name + "-" + std::to_string(getpid()))) {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

}  // namespace verbatim::test
