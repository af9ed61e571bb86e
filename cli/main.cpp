// The `verbatim` command: the only place that touches argv. Each subcommand lives in
// its own file (cli/*_command.cpp) and returns its exit code.
#include <CLI/CLI.hpp>

#include <string_view>
#include <vector>

#include "cli/command.h"
#include "cli/named_subcommand.h"

using namespace verbatim::cli;

namespace {

struct Subcommand {
    std::string_view name;
    Command (*add)(CLI::App&, GlobalOptions&);
};

constexpr Subcommand kSubcommands[] = {
    {"index", add_index_command},   {"search", add_search_command}, {"cite", add_cite_command},
    {"agreed", add_agreed_command}, {"facets", add_facets_command}, {"show", add_show_command},
    {"stats", add_stats_command},   {"extract", add_extract_command}, {"serve", add_serve_command},
    {"fetch", add_fetch_command}, {"check", add_check_command},
};

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"verbatim: full-text search for United Nations meeting documents.\n"
                 "Indexes reports (PDF and text) paragraph by paragraph and answers with citations."};
    app.set_version_flag("--version", std::string("verbatim ") + VERBATIM_VERSION);
    app.require_subcommand(1);
    GlobalOptions global;
    global.db = default_db();
    app.add_option("--db", global.db, "index folder (default: $VERBATIM_DB, else ./verbatim.db)");

    std::vector<std::string_view> names;
    for (const Subcommand& s : kSubcommands) names.push_back(s.name);
    const std::string_view named = named_subcommand(argc, argv, names);
    // A mistyped command says so, with the nearest one (CLI11 would only ask for one).
    if (const std::string_view word = first_word(argc, argv); named.empty() && !word.empty()) {
        std::string list;
        for (std::string_view n : names) list += (list.empty() ? "" : ", ") + std::string(n);
        const std::string_view near = nearest_name(word, names);
        error("unknown command '" + std::string(word) + "'" +
              (near.empty() ? std::string() : "; did you mean '" + std::string(near) + "'?") + " (commands: " + list +
              "; verbatim --help)");
        return kError;
    }
    std::vector<Command> commands;
    for (const Subcommand& s : kSubcommands)
        if (named.empty() || s.name == named) commands.push_back(s.add(app, global));

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return kError;
    }
    for (const Command& command : commands)
        if (command.app->parsed()) return command.run();
    return kError;
}
