// Runs `verbatim` in the background, for tests that kill it or race it against others.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace verbatim::e2e {

struct Spawned {
    pid_t pid = -1;
    std::filesystem::path out, err;  // where its stdout and stderr go
};

// Starts the built `verbatim` with `args` and extra environment variables; does not wait.
Spawned spawn_verbatim(const std::vector<std::string>& args, const std::map<std::string, std::string>& env = {});

// Waits for it; the exit code, or 128 + the signal that ended it.
int wait_exit(const Spawned& process);

// The whole content of a file ("" when missing).
std::string read_text(const std::filesystem::path& file);

}  // namespace verbatim::e2e
