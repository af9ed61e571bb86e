// `verbatim fetch`: documents by symbol and language from the UN Official Document
// System (or a mirror), politely and verifiably. One request at a time, a delay between
// requests, retries with backoff on 429, 5xx, timeouts and cut transfers (Retry-After
// honoured); each body is checked (document_check.h) and written under a temporary name,
// renamed when whole, and recorded in the folder's manifest.ini with its sha256. A file
// still there with its recorded hash is not asked for again.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "fetch/document_check.h"
#include "fetch/fetch_manifest.h"
#include "fetch/http_client.h"

namespace verbatim::fetch {

// ODS: a redirect to the file, for a symbol, a language (en, fr, es, ru, ar, zh) and a
// format (pdf, docx).
inline constexpr const char* kDefaultOdsUrl = "https://documents.un.org/api/symbol/access?s={symbol}&l={lang}&t={format}";
// What --ods-url appends to a bare base URL ("http://127.0.0.1:8080", a mirror).
inline constexpr const char* kOdsPath = "/api/symbol/access?s={symbol}&l={lang}&t={format}";
inline constexpr const char* kAllLanguages[] = {"en", "fr", "es", "ru", "ar", "zh"};

// The URL of one document: `ods_url` with {symbol}, {lang} and {format} replaced; a URL
// without {symbol} is a base that kOdsPath is appended to.
std::string document_url(const std::string& ods_url, const std::string& symbol, const std::string& lang, Format format);

// "CTOC_COP_WG.4_2020_4.en.pdf"
std::string document_file_name(const std::string& symbol, const std::string& lang, Format format);

struct FetchSettings {
    std::filesystem::path into;
    Format format = Format::pdf;
    std::string ods_url = kDefaultOdsUrl;
    double delay_seconds = 1;      // between two requests
    int retries = 3;               // further attempts after a 429, 5xx, timeout or cut transfer
    double backoff_seconds = 2;    // wait before retry n: backoff * 2^(n-1), unless Retry-After says
    double max_retry_wait = 300;   // a longer Retry-After is a failure ("try later")
    HttpOptions http;
};

struct FetchTarget {
    std::string symbol;
    std::string lang;
    bool operator==(const FetchTarget&) const = default;
};

enum class Outcome { fetched, already_there, not_found, failed };

struct FetchResult {
    FetchTarget target;
    Outcome outcome = Outcome::failed;
    std::string file;   // the document's file name in the folder (fetched or already there)
    std::string cause;  // not found / failed: why, one phrase; already there: how it is known
    long long bytes = 0;
};

struct FetchCallbacks {
    std::function<void(size_t done, size_t total, const FetchTarget&)> on_start;  // before each
    std::function<void(const FetchResult&)> on_result;                            // after each
};

class Fetcher {
  public:
    // Reads the folder's manifest; creates the folder. A Problem when either cannot be.
    static std::variant<std::unique_ptr<Fetcher>, Problem> open(FetchSettings settings);

    // Fetches each target in turn; the run goes on past every failure.
    std::vector<FetchResult> fetch(const std::vector<FetchTarget>& targets, const FetchCallbacks& callbacks = {});

  private:
    Fetcher(FetchSettings settings, ManifestFile manifest);
    FetchResult fetch_one(const FetchTarget& target);
    // The file already holding this document, recorded with a hash the file still has.
    std::string known_file(const FetchTarget& target) const;
    bool file_matches_record(const std::string& file_name) const;
    void wait_turn(double at_least_seconds);

    FetchSettings settings_;
    ManifestFile manifest_;
    HttpClient client_;
    bool requested_ = false;
    std::chrono::steady_clock::time_point last_request_{};
};

// The sha256 of a file's content as 64 hex digits; "" when it cannot be read.
std::string file_sha256(const std::filesystem::path& file);
std::string sha256_hex(std::string_view bytes);

}  // namespace verbatim::fetch
