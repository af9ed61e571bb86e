// Finds the files to index under the paths a user gave.
#pragma once

#include <filesystem>
#include <functional>
#include <vector>

#include "model/document.h"

namespace verbatim {

struct WalkResult {
    std::vector<std::filesystem::path> files;  // absolute, sorted, supported formats only
    std::vector<Problem> problems;             // missing paths, unreadable folders
};

// Walks files and folders recursively. Hidden entries and symbolic links to folders
// are not followed (no loops); unsupported file types are ignored silently. A folder
// that cannot be read (unreadable, replaced, a path too long) is a problem and the walk
// goes on; one that vanished mid-walk is passed over. `before_folder` is called before
// each folder is read (tests change the tree there).
WalkResult walk_inputs(const std::vector<std::filesystem::path>& paths,
                       const std::function<void(const std::filesystem::path&)>& before_folder = {});

}  // namespace verbatim
