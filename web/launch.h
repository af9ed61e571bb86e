// Starting `verbatim serve`: the server lives in its own executable, `verbatim-serve`
// (serve_main.cpp), so that only it links cpp-httplib and OpenSSL.
#pragma once

#include <string>

namespace verbatim::web {

// Replaces this process with verbatim-serve (same process id, so signals reach the
// server). Returns only when it cannot be started, after saying why on stderr: 2.
int exec_server(const std::string& db, const std::string& host, int port, bool allow_partial);

}  // namespace verbatim::web
