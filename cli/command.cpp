#include "cli/command.h"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

namespace verbatim::cli {

std::string default_db() {
    if (const char* env = std::getenv("VERBATIM_DB"); env && *env) return env;
    return "verbatim.db";
}

TextStyle terminal_style() {
    const char* no_color = std::getenv("NO_COLOR");
    return TextStyle{isatty(STDOUT_FILENO) == 1 && !(no_color && *no_color)};
}

void error(const std::string& message) { std::cerr << "verbatim: " << message << "\n"; }

std::string problem_line(const Problem& p) {
    return p.file + (p.page > 0 ? " (page " + std::to_string(p.page) + ")" : "") + ": " + p.cause;
}

std::string join(const std::vector<std::string>& words) {
    std::string q;
    for (const auto& w : words) q += (q.empty() ? "" : " ") + w;
    return q;
}

void add_db_option(CLI::App& command, GlobalOptions& global) {
    command.add_option("--db", global.db, "index folder (default: $VERBATIM_DB, else ./verbatim.db)");
}

}  // namespace verbatim::cli
