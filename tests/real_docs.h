// Real UN documents from outside the project. They are never in the repository: tests
// read them from $VERBATIM_REAL_DOCS, else from ../shared/ext beside the source tree,
// and say in one line what they skip when neither is there (a user's clone).
#pragma once

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <set>
#include <string>

namespace verbatim::testing {

inline std::filesystem::path real_docs_dir() {
    if (const char* env = std::getenv("VERBATIM_REAL_DOCS"); env && *env) {
        if (std::filesystem::is_directory(env)) return env;
        return {};
    }
    const std::filesystem::path beside = std::filesystem::path(VERBATIM_SOURCE_DIR) / ".." / "shared" / "ext";
    return std::filesystem::is_directory(beside) ? beside : std::filesystem::path();
}

// `relative` inside the real documents ("un-pdfs/A_INF_76_1_en.pdf"), or an empty path
// after printing (once per test program and reason) what is skipped.
inline std::filesystem::path real_doc(const std::string& relative, const std::string& what_is_skipped) {
    const std::filesystem::path dir = real_docs_dir();
    if (!dir.empty() && std::filesystem::exists(dir / relative)) return dir / relative;
    static std::set<std::string> said;
    if (said.insert(what_is_skipped).second)
        std::cout << "skipped: " << what_is_skipped << " (needs " << relative
                  << " of the real UN documents: set VERBATIM_REAL_DOCS or put them in ../shared/ext)\n";
    return {};
}

}  // namespace verbatim::testing
