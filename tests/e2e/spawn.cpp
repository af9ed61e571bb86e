#include "tests/e2e/spawn.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "tests/e2e/support.h"

namespace verbatim::e2e {

Spawned spawn_verbatim(const std::vector<std::string>& args, const std::map<std::string, std::string>& env) {
    Spawned s;
    std::filesystem::path dir = fresh_dir("spawn");
    s.out = dir / "stdout";
    s.err = dir / "stderr";
    s.pid = fork();
    REQUIRE(s.pid >= 0);
    if (s.pid == 0) {
        int o = open(s.out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int e = open(s.err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int in = open("/dev/null", O_RDONLY);
        dup2(o, 1);
        dup2(e, 2);
        dup2(in, 0);
        for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
        std::string binary = VERBATIM_BINARY;
        std::vector<std::string> copy = args;
        std::vector<char*> argv{binary.data()};
        for (auto& a : copy) argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(binary.c_str(), argv.data());
        _exit(127);
    }
    return s;
}

int wait_exit(const Spawned& process) {
    int status = 0;
    while (waitpid(process.pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string read_text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace verbatim::e2e
