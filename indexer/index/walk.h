// Finds the files to index under the paths a user gave.
#pragma once

#include <filesystem>
#include <vector>

#include "model/document.h"

namespace verbatim {

struct WalkResult {
    std::vector<std::filesystem::path> files;  // absolute, sorted, supported formats only
    std::vector<Problem> problems;             // missing paths, unreadable folders
};

// Walks files and folders recursively. Hidden entries and symbolic links to folders
// are not followed (no loops); unsupported file types are ignored silently.
WalkResult walk_inputs(const std::vector<std::filesystem::path>& paths);

}  // namespace verbatim
