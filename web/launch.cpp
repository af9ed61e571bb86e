#include "web/launch.h"

#include "model/helper_program.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <system_error>
#include <vector>

namespace verbatim::web {

namespace {

// verbatim-serve beside this executable or in libexec (model/helper_program.h); when it is
// in neither, the first place, so the error names where it was expected.
std::filesystem::path server_executable() {
    const std::vector<std::filesystem::path> places = helper_program_places("verbatim-serve");
    const std::filesystem::path found = find_helper_program(places);
    if (!found.empty()) return found;
    return places.empty() ? std::filesystem::path("verbatim-serve") : places.front();
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
