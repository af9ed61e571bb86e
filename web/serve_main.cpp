// `verbatim-serve`: the process behind `verbatim serve`. The `verbatim` executable parses
// the command line and replaces itself with this one (launch.cpp), so the other commands
// never load cpp-httplib and OpenSSL (a third of the start-up of a search).
//
//   verbatim-serve --db SPEC --host HOST --port PORT [--allow-partial]
//
// Not meant to be run by hand; the options are those `verbatim serve` checked.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include "model/parse_number.h"
#include "query/search/searcher.h"
#include "query/search/shards.h"
#include "web/server.h"

namespace {

constexpr int kOk = 0;
constexpr int kError = 2;

void error(const std::string& message) { std::cerr << "verbatim: " << message << "\n"; }

bool is_loopback(const std::string& host) { return host == "127.0.0.1" || host == "localhost" || host == "::1"; }

int serve(const std::string& db, const std::string& host, int port_wanted, verbatim::ShardPolicy shards) {
    using namespace verbatim;
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
        options.shards = std::move(shards);
        options.loopback_hosts_only = is_loopback(host);
        server = std::make_unique<web::Server>(std::move(options));
    } catch (const DatabaseError& e) {
        error(e.what());
        return kError;
    }
    const int port = server->bind(host, port_wanted);
    if (port < 0) {
        error("cannot listen on " + host + ":" + std::to_string(port_wanted) +
              " (in use, or not an address of this machine); try --port");
        return kError;
    }
    const std::string shown_host = host.find(':') != std::string::npos ? "[" + host + "]" : host;
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

int main(int argc, char** argv) {
    std::string db, host = "127.0.0.1";
    int port = 8080;
    verbatim::ShardPolicy shards;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--allow-partial") {
            shards = {true, [](const std::string& notice) { error(notice); }};
        } else if ((arg == "--db" || arg == "--host" || arg == "--port") && i + 1 < argc) {
            const std::string value = argv[++i];
            if (arg == "--db") db = value;
            else if (arg == "--host") host = value;
            else port = verbatim::parse_number<int>(value, 0, 65535).value_or(0);
        } else {
            error("verbatim-serve: unknown argument '" + arg + "' (run `verbatim serve` instead)");
            return kError;
        }
    }
    if (db.empty()) {
        error("verbatim-serve: no --db (run `verbatim serve` instead)");
        return kError;
    }
    return serve(db, host, port, std::move(shards));
}
