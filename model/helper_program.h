// Where verbatim's helper programs are (verbatim-pdf-reader, verbatim-serve): beside the
// running executable (the build folder), else where `cmake --install` and the Debian
// package put them (PREFIX/libexec/verbatim/). Shared by the stages that start one.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace verbatim {

// The places `name` is looked for, in order.
std::vector<std::filesystem::path> helper_program_places(const std::string& name);

// The first of those that is an executable file, else an empty path.
std::filesystem::path find_helper_program(const std::vector<std::filesystem::path>& places);

}  // namespace verbatim
