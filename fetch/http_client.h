// One HTTP GET at a time, streamed to a file: the only code that includes libcurl.
// libcurl follows redirects, speaks TLS, takes proxies from the environment
// (https_proxy, http_proxy, no_proxy) and bounds the time of each request.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

namespace verbatim::fetch {

struct HttpOptions {
    std::string user_agent;
    double timeout_seconds = 30;    // to connect, and the longest wait for the next byte
    double max_time_seconds = 600;  // the longest one whole transfer may take
};

struct HttpResponse {
    int status = 0;               // the last answer's HTTP status; 0 when none came
    std::string transport_error;  // empty when the whole answer arrived
    bool timed_out = false;       // the transport error was a timeout
    bool cut_short = false;       // the connection closed before Content-Length bytes came
    long long content_length = -1;
    long long received = 0;
    std::string content_type;
    std::string final_url;        // after redirects
    double retry_after = -1;      // seconds the server asked to wait (Retry-After), else -1
};

class HttpClient {
  public:
    explicit HttpClient(HttpOptions options);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // GETs `url` into `file` (created or truncated), following redirects. Never throws
    // for the network: what went wrong is in the response.
    HttpResponse get(const std::string& url, const std::filesystem::path& file);

    // `text` escaped for a URL's query string ('/' kept, as in a document symbol).
    static std::string escape(const std::string& text);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace verbatim::fetch
