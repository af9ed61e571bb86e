// `verbatim serve`: the search page and the JSON API on a local address. The server runs
// in its own executable (web/serve_main.cpp), so no other command loads cpp-httplib and
// OpenSSL at start-up: this command checks its options and hands over to it.
#include "cli/command.h"
#include "web/launch.h"

namespace verbatim::cli {

namespace {

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 8080;
};

}  // namespace

Command add_serve_command(CLI::App& app, GlobalOptions& global) {
    auto options = std::make_shared<ServeOptions>();
    CLI::App* serve = app.add_subcommand("serve", "Serve the search page and the JSON API on a local address");
    add_db_option(*serve, global);
    serve->add_option("--host", options->host, "address to listen on (another than loopback exposes the index)")
        ->capture_default_str();
    serve->add_option("--port", options->port, "port to listen on (0: any free port)")
        ->check(CLI::Range(0, 65535))
        ->capture_default_str();
    serve->footer("Open the printed address in a browser. The API (/api/search, /api/cite, /api/quote,\n"
                  "/api/agreed, /api/facets, /api/show, /api/stats) answers with the --json shapes.\n"
                  "Ctrl-C stops. Exit status: 0 stopped, 2 error (no index, address in use).");
    return {serve, [options, serve, &global] {
                return web::exec_server(global.db, options->host, options->port, serve->count("--allow-partial") > 0);
            }};
}

}  // namespace verbatim::cli
