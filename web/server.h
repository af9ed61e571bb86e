// `verbatim serve`: the search page and the JSON API over HTTP, from the same process.
// The handlers call the libraries the CLI calls and answer with the CLI's --json shapes,
// so the page, the API and the command line never disagree.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "query/search/shards.h"

namespace verbatim::web {

// Bounds on what one request may ask for, so a page or a script cannot tie the
// server up (each is answered with a 4xx and a message saying the limit).
struct Limits {
    size_t max_body = 64 * 1024;  // bytes of a POST body (413 beyond)
    size_t max_text = 2000;       // characters of a query, reference or quotation
    size_t max_page = 100;        // hits per page; larger limits are capped
    size_t max_offset = 10000;    // deepest page
};

struct ServerOptions {
    std::filesystem::path db;
    ShardPolicy shards;  // --allow-partial
    Limits limits;
    // Accept only Host headers naming this machine (127.0.0.1, localhost, [::1]) when
    // listening on loopback, so another web page cannot reach the index through DNS
    // rebinding.
    bool loopback_hosts_only = true;
};

class Server {
  public:
    // Opens the index once to check it; throws DatabaseError with the CLI's message.
    explicit Server(ServerOptions options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // Binds to host:port (port 0: any free port) and returns the port; -1 on failure.
    int bind(const std::string& host, int port);
    // Serves until stop(); false when it could not serve at all.
    bool listen();
    // Safe from another thread; listen() returns after the requests in flight.
    void stop();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace verbatim::web
