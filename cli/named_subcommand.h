// The subcommand a command line names, found before CLI11 parses it: CLI11 builds every
// option of every subcommand eagerly, a fifth of a short search's start-up, so main()
// declares only the one named.
#pragma once

#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <vector>

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

// The first argument that names a command (not an option, not the global --db value),
// whatever it is; empty when there is none.
inline std::string_view first_word(int argc, const char* const* argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--db") {
            ++i;
            continue;
        }
        if (arg.starts_with("--db=")) continue;
        if (arg.starts_with("-")) return {};  // help, --version, or an option CLI11 explains
        return arg;
    }
    return {};
}

// The name closest to a mistyped `word` (at most two edits away, or one it starts), else empty:
// "serch" -> "search", "idx" -> "index".
inline std::string_view nearest_name(std::string_view word, std::span<const std::string_view> names) {
    auto distance = [](std::string_view a, std::string_view b) {
        std::vector<size_t> row(b.size() + 1);
        for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
        for (size_t i = 1; i <= a.size(); ++i) {
            size_t diagonal = row[0];
            row[0] = i;
            for (size_t j = 1; j <= b.size(); ++j) {
                const size_t up = row[j];
                row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
                diagonal = up;
            }
        }
        return row[b.size()];
    };
    std::string_view best;
    size_t best_distance = 3;
    for (std::string_view name : names) {
        const size_t d = word.size() >= 2 && name.starts_with(word) ? 1 : distance(word, name);
        if (d < best_distance) best = name, best_distance = d;
    }
    return best;
}

}  // namespace verbatim::cli
