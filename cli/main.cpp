// The `verbatim` command: the only place that touches argv. Each subcommand lives in
// its own file (cli/*_command.cpp) and returns its exit code.
#include <CLI/CLI.hpp>

#include <vector>

#include "cli/command.h"

using namespace verbatim::cli;

int main(int argc, char** argv) {
    CLI::App app{"verbatim: full-text search for United Nations meeting documents.\n"
                 "Indexes reports (PDF and text) paragraph by paragraph and answers with citations."};
    app.set_version_flag("--version", std::string("verbatim ") + VERBATIM_VERSION);
    app.require_subcommand(1);
    GlobalOptions global;
    global.db = default_db();
    app.add_option("--db", global.db, "index folder (default: $VERBATIM_DB, else ./verbatim.db)");

    std::vector<Command> commands{
        add_index_command(app, global),   add_search_command(app, global), add_cite_command(app, global),
        add_agreed_command(app, global),  add_facets_command(app, global), add_show_command(app, global),
        add_stats_command(app, global),   add_extract_command(app, global),  add_serve_command(app, global),
    };

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
