// The subcommand a command line names, found before CLI11 parses it: CLI11 builds every
// option of every subcommand eagerly, a fifth of a short search's start-up, so main()
// declares only the one named.
#pragma once

#include <span>
#include <string_view>

namespace verbatim::cli {

// The first argument that is neither the global --db option nor its value, when it is
// one of `names`; else empty: help, --version and mistakes need every subcommand.
inline std::string_view named_subcommand(int argc, const char* const* argv, std::span<const std::string_view> names) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--db") {
            ++i;  // its value
            continue;
        }
        if (arg.starts_with("--db=")) continue;
        for (std::string_view name : names)
            if (arg == name) return name;
        return {};
    }
    return {};
}

}  // namespace verbatim::cli
