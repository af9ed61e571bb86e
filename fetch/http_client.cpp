#include "fetch/http_client.h"

#include "vocabulary/ascii.h"

#include <curl/curl.h>

#include <cctype>
#include <chrono>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace verbatim::fetch {

namespace {

using Clock = std::chrono::steady_clock;

struct Transfer {
    std::FILE* out = nullptr;
    HttpResponse* response = nullptr;
    bool write_failed = false;
    Clock::time_point last_data = Clock::now();  // the last byte of header or body
    double stall_seconds = 30;
    bool stalled = false;
};

// Called by curl about once a second, and as data comes: a server silent for longer than
// the timeout ends the transfer. (CURLOPT_LOW_SPEED_TIME cannot say this: it averages the
// speed over several seconds, so a burst followed by silence passes for a while.)
int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    auto* t = static_cast<Transfer*>(user);
    if (std::chrono::duration<double>(Clock::now() - t->last_data).count() <= t->stall_seconds) return 0;
    t->stalled = true;
    return 1;  // CURLE_ABORTED_BY_CALLBACK
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const size_t n = size * count;
    if (std::fwrite(data, 1, n, t->out) != n) {
        t->write_failed = true;
        return 0;  // makes curl stop with CURLE_WRITE_ERROR
    }
    t->response->received += static_cast<long long>(n);
    t->last_data = Clock::now();
    return n;
}

// Headers of every answer in a redirect chain arrive here; a status line starts afresh,
// so what remains is the last answer's.
size_t on_header(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const size_t n = size * count;
    t->last_data = Clock::now();
    std::string line(data, n);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    if (line.starts_with("HTTP/")) {
        t->response->retry_after = -1;
        t->response->content_type.clear();
        return n;
    }
    const size_t colon = line.find(':');
    if (colon == std::string::npos) return n;
    const std::string name = vocabulary::ascii_lower(line.substr(0, colon));
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(" \t"));
    if (name == "content-type") t->response->content_type = value;
    if (name == "retry-after") {
        // Seconds, or an HTTP date.
        if (!value.empty() && value.find_first_not_of("0123456789") == std::string::npos) {
            t->response->retry_after = std::stod(value);
        } else if (time_t when = curl_getdate(value.c_str(), nullptr); when > 0) {
            const double wait = std::difftime(when, std::time(nullptr));
            t->response->retry_after = wait > 0 ? wait : 0;
        }
    }
    return n;
}

}  // namespace

struct HttpClient::Impl {
    HttpOptions options;
    CURL* curl = nullptr;
};

HttpClient::HttpClient(HttpOptions options) : impl_(std::make_unique<Impl>()) {
    static std::once_flag init;
    std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    impl_->options = std::move(options);
    impl_->curl = curl_easy_init();
}

HttpClient::~HttpClient() {
    if (impl_->curl) curl_easy_cleanup(impl_->curl);
}

HttpResponse HttpClient::get(const std::string& url, const std::filesystem::path& file) {
    HttpResponse response;
    CURL* curl = impl_->curl;
    if (!curl) {
        response.transport_error = "libcurl could not be initialised";
        return response;
    }
    std::FILE* out = std::fopen(file.c_str(), "wb");
    if (!out) {
        response.transport_error = "cannot write " + file.string();
        return response;
    }
    Transfer transfer;
    transfer.out = out;
    transfer.response = &response;
    transfer.stall_seconds = impl_->options.timeout_seconds;
    char error[CURL_ERROR_SIZE] = "";
    const HttpOptions& o = impl_->options;
    // The handle is reused (one connection kept alive to the server); reset what a
    // previous request set.
    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_USERAGENT, o.user_agent.c_str());
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 10L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // whatever curl can decode
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(o.timeout_seconds * 1000));
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(o.max_time_seconds * 1000));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    const CURLcode rc = curl_easy_perform(curl);
    const bool closed = std::fclose(out) == 0;

    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    response.status = static_cast<int>(status);
    curl_off_t length = -1;
    curl_easy_getinfo(curl, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length);
    response.content_length = length;
    char* effective = nullptr;
    curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &effective);
    if (effective) response.final_url = effective;

    if (rc != CURLE_OK) {
        response.transport_error = error[0] ? error : curl_easy_strerror(rc);
        response.timed_out = rc == CURLE_OPERATION_TIMEDOUT || transfer.stalled;
        if (transfer.stalled)
            response.transport_error = "no data for " + std::to_string(static_cast<long>(o.timeout_seconds + 0.5)) + " s";
        response.cut_short = rc == CURLE_PARTIAL_FILE;
        if (transfer.write_failed) response.transport_error = "cannot write " + file.string();
    } else if (!closed) {
        response.transport_error = "cannot write " + file.string();
    }
    // A body shorter than its Content-Length ends as CURLE_PARTIAL_FILE: curl counts the
    // bytes as sent (compressed or not), which `received` (decoded) cannot.
    return response;
}

std::string HttpClient::escape(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
            out += static_cast<char>(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

}  // namespace verbatim::fetch
