// `verbatim serve`: the search page and the JSON API on a local address.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <iostream>
#include <thread>

#include "cli/command.h"
#include "query/search/searcher.h"
#include "web/server.h"

namespace verbatim::cli {

namespace {

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 8080;
};

bool is_loopback(const std::string& host) { return host == "127.0.0.1" || host == "localhost" || host == "::1"; }

int run_serve(const std::string& db, const ServeOptions& o) {
    // Ctrl-C and SIGTERM are taken by one thread with sigwait, which stops the server
    // from outside a signal handler; every other thread (the server's pool included,
    // which inherits this mask) leaves them blocked.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    std::unique_ptr<web::Server> server;
    try {
        web::ServerOptions options;
        options.db = db;
        options.loopback_hosts_only = is_loopback(o.host);
        server = std::make_unique<web::Server>(std::move(options));
    } catch (const DatabaseError& e) {
        error(e.what());
        return kError;
    }
    const int port = server->bind(o.host, o.port);
    if (port < 0) {
        error("cannot listen on " + o.host + ":" + std::to_string(o.port) +
              " (in use, or not an address of this machine); try --port");
        return kError;
    }
    const std::string shown_host = o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host;
    std::cout << "verbatim: serving " << db << " at http://" << shown_host << ":" << port << "/  (Ctrl-C stops)"
              << std::endl;

    std::atomic<bool> done{false};
    std::thread waiter([&] {
        int signal = 0;
        sigwait(&stop_signals, &signal);
        if (!done) server->stop();
    });
    const bool served = server->listen();
    done = true;
    pthread_kill(waiter.native_handle(), SIGTERM);  // wakes the waiter if no signal came
    waiter.join();
    if (!served) {
        error("the server stopped unexpectedly");
        return kError;
    }
    std::cout << "verbatim: stopped" << std::endl;
    return kOk;
}

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
    return {serve, [options, &global] { return run_serve(global.db, *options); }};
}

}  // namespace verbatim::cli
