// End-to-end test support: runs the real `verbatim` binary and captures what a user sees.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace verbatim::e2e {

struct RunResult {
    int exit_code = -1;
    std::string out;  // stdout
    std::string err;  // stderr
};

// Runs the built `verbatim` with `args` (no shell), with extra environment variables.
// NO_COLOR is not set unless given; stdout is a file, so output is plain.
RunResult run_verbatim(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {});

// Runs the built `verbatim` with `args` on a pseudo-terminal, as a user at a terminal
// would: `out` is all it wrote there (stdout and stderr, as it appeared).
RunResult run_on_terminal(const std::vector<std::string>& args);

// A fresh empty folder under the system temp folder, removed at exit.
std::filesystem::path fresh_dir(const std::string& name);

// The repository's corpus/ folder.
std::filesystem::path corpus_dir();

// An index of corpus/ built once per test process (the first call builds it).
std::string corpus_db();

// Writes `content` to `path` (creating folders).
void write_file(const std::filesystem::path& path, const std::string& content);

// Lines of JSON output parsed one by one: the value of `field` in each.
std::vector<std::string> json_field(const std::string& jsonl, const std::string& field);

}  // namespace verbatim::e2e
