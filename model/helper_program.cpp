#include "model/helper_program.h"

#include <unistd.h>

#include <system_error>

namespace verbatim {

std::vector<std::filesystem::path> helper_program_places(const std::string& name) {
    std::error_code error;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error) return {};
    const std::filesystem::path dir = self.parent_path();
    return {dir / name, dir.parent_path() / "libexec" / "verbatim" / name};
}

std::filesystem::path find_helper_program(const std::vector<std::filesystem::path>& places) {
    for (const std::filesystem::path& place : places) {
        std::error_code error;
        if (access(place.c_str(), X_OK) == 0 && !std::filesystem::is_directory(place, error)) return place;
    }
    return {};
}

}  // namespace verbatim
