#include "web/launch.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <system_error>
#include <vector>

namespace verbatim::web {

namespace {

// verbatim-serve beside this executable (the build folder), else where `cmake --install`
// puts it (PREFIX/libexec/verbatim/).
std::filesystem::path server_executable() {
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    const std::filesystem::path dir = ec ? std::filesystem::path(".") : self.parent_path();
    for (const std::filesystem::path& p : {dir / "verbatim-serve", dir / ".." / "libexec" / "verbatim" / "verbatim-serve"})
        if (access(p.c_str(), X_OK) == 0) return p;
    return dir / "verbatim-serve";
}

}  // namespace

int exec_server(const std::string& db, const std::string& host, int port, bool allow_partial) {
    const std::filesystem::path server = server_executable();
    std::vector<std::string> args{server.string(), "--db", db, "--host", host, "--port", std::to_string(port)};
    if (allow_partial) args.emplace_back("--allow-partial");
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::cout.flush();
    execv(server.c_str(), argv.data());
    std::cerr << "verbatim: cannot start the web server " << server.string() << ": " << std::strerror(errno) << "\n";
    return 2;
}

}  // namespace verbatim::web
