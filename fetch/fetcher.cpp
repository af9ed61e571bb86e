#include "fetch/fetcher.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iomanip>
#include <sstream>
#include <thread>

#include "fetch/symbols.h"

namespace verbatim::fetch {

namespace fs = std::filesystem;

namespace {

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

std::string to_hex(const unsigned char* digest, unsigned size) {
    static const char* const kHex = "0123456789abcdef";
    std::string out;
    for (unsigned i = 0; i < size; ++i) {
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 15];
    }
    return out;
}

std::vector<std::string> split_list(const std::string& list) {
    std::vector<std::string> out;
    std::stringstream in(list);
    for (std::string item; std::getline(in, item, ',');) {
        item.erase(0, item.find_first_not_of(" \t"));
        item.erase(item.find_last_not_of(" \t") + 1);
        if (!item.empty()) out.push_back(item);
    }
    return out;
}

bool read_whole(const fs::path& file, std::string& out) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return false;
    std::ostringstream s;
    s << in.rdbuf();
    out = s.str();
    return true;
}

// Makes a renamed file durable: its data first, then the folder entry.
bool sync_path(const fs::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

std::string http_status_cause(int status) {
    if (status == 404) return "HTTP 404 (no such document)";
    if (status == 410) return "HTTP 410 (gone)";
    return "HTTP " + std::to_string(status);
}

std::string seconds_text(double s) {
    std::ostringstream out;
    out << (s == std::floor(s) ? std::setprecision(0) : std::setprecision(1)) << std::fixed << s << " s";
    return out.str();
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned size = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr);
    return to_hex(digest, size);
}

std::string file_sha256(const fs::path& file) {
    std::string bytes;
    if (!read_whole(file, bytes)) return "";
    return sha256_hex(bytes);
}

std::string document_url(const std::string& ods_url, const std::string& symbol, const std::string& lang, Format format) {
    std::string url = ods_url;
    if (url.find("{symbol}") == std::string::npos) {
        while (!url.empty() && url.back() == '/') url.pop_back();
        url += kOdsPath;
    }
    replace_all(url, "{symbol}", HttpClient::escape(symbol));
    replace_all(url, "{lang}", HttpClient::escape(lang));
    replace_all(url, "{format}", format_name(format));
    return url;
}

std::string document_file_name(const std::string& symbol, const std::string& lang, Format format) {
    return file_stem(symbol) + "." + lang + "." + format_name(format);
}

std::variant<std::unique_ptr<Fetcher>, Problem> Fetcher::open(FetchSettings settings) {
    std::error_code ec;
    fs::create_directories(settings.into, ec);
    if (ec || !fs::is_directory(settings.into)) return Problem{settings.into.string(), 0, "cannot create the folder"};
    auto manifest = ManifestFile::load(settings.into / "manifest.ini");
    if (auto* p = std::get_if<Problem>(&manifest)) return *p;
    return std::unique_ptr<Fetcher>(new Fetcher(std::move(settings), std::move(std::get<ManifestFile>(manifest))));
}

Fetcher::Fetcher(FetchSettings settings, ManifestFile manifest)
    : settings_(std::move(settings)), manifest_(std::move(manifest)), client_(settings_.http) {}

bool Fetcher::file_matches_record(const std::string& file_name) const {
    const auto recorded = manifest_.get(file_name, "sha256");
    std::error_code ec;
    if (!recorded || !fs::is_regular_file(settings_.into / file_name, ec)) return false;
    return file_sha256(settings_.into / file_name) == *recorded;
}

std::string Fetcher::known_file(const FetchTarget& target) const {
    const std::string name = document_file_name(target.symbol, target.lang, settings_.format);
    if (file_matches_record(name)) return name;
    // The same document fetched under another symbol, which lists this one.
    const std::string ext = std::string(".") + format_name(settings_.format);
    for (const std::string& section : manifest_.sections_with("lang", target.lang)) {
        if (!section.ends_with(ext)) continue;
        const auto others = manifest_.get(section, "other_symbols");
        if (!others) continue;
        for (const std::string& s : split_list(*others))
            if (s == target.symbol && file_matches_record(section)) return section;
    }
    return "";
}

void Fetcher::wait_turn(double at_least_seconds) {
    using namespace std::chrono;
    auto seconds = [](double s) { return duration_cast<steady_clock::duration>(duration<double>(s)); };
    auto due = steady_clock::now() + seconds(at_least_seconds);
    if (requested_) due = std::max(due, last_request_ + seconds(settings_.delay_seconds));
    std::this_thread::sleep_until(due);
    requested_ = true;
}

std::vector<FetchResult> Fetcher::fetch(const std::vector<FetchTarget>& targets, const FetchCallbacks& callbacks) {
    std::vector<FetchResult> results;
    for (size_t i = 0; i < targets.size(); ++i) {
        if (callbacks.on_start) callbacks.on_start(i, targets.size(), targets[i]);
        results.push_back(fetch_one(targets[i]));
        if (callbacks.on_result) callbacks.on_result(results.back());
    }
    return results;
}

FetchResult Fetcher::fetch_one(const FetchTarget& target) {
    FetchResult result;
    result.target = target;
    if (std::string known = known_file(target); !known.empty()) {
        result.outcome = Outcome::already_there;
        result.file = known;
        result.cause = "recorded sha256 matches";
        return result;
    }
    const std::string name = document_file_name(target.symbol, target.lang, settings_.format);
    const fs::path final_path = settings_.into / name;
    const fs::path part = settings_.into / ("." + name + ".part");
    const std::string url = document_url(settings_.ods_url, target.symbol, target.lang, settings_.format);
    auto fail = [&](Outcome outcome, const std::string& cause) {
        std::error_code ec;
        fs::remove(part, ec);
        result.outcome = outcome;
        result.cause = cause;
        return result;
    };

    double wait_before = 0;
    std::string body;
    for (int attempt = 0;; ++attempt) {
        wait_turn(wait_before);
        const HttpResponse r = client_.get(url, part);
        last_request_ = std::chrono::steady_clock::now();
        std::string retry_cause;
        if (!r.transport_error.empty()) {
            if (r.timed_out) retry_cause = "timed out (" + r.transport_error + ")";
            else if (r.cut_short)
                retry_cause = "truncated: " + std::to_string(r.received) + " of " +
                              (r.content_length >= 0 ? std::to_string(r.content_length) : std::string("?")) + " bytes";
            else return fail(Outcome::failed, r.transport_error);
        } else if (r.status == 429 || r.status == 408 || r.status >= 500) {
            retry_cause = http_status_cause(r.status);
        } else if (r.status >= 400) {
            return fail(Outcome::not_found, http_status_cause(r.status));
        } else if (r.status < 200 || r.status >= 300) {
            return fail(Outcome::failed, "unexpected " + http_status_cause(r.status));
        } else {
            if (!read_whole(part, body)) return fail(Outcome::failed, "cannot read back " + part.string());
            const BodyCheck check = check_body(body, settings_.format);
            if (check.verdict == BodyVerdict::document) break;
            if (check.verdict == BodyVerdict::not_found) return fail(Outcome::not_found, check.cause);
            retry_cause = check.cause;
        }
        if (attempt >= settings_.retries)
            return fail(Outcome::failed, retry_cause + (attempt > 0 ? ", " + std::to_string(attempt + 1) + " attempts" : ""));
        if (r.retry_after > settings_.max_retry_wait)
            return fail(Outcome::failed, retry_cause + "; the server asked to wait " + seconds_text(r.retry_after) +
                                             ", more than " + seconds_text(settings_.max_retry_wait) + ": try later");
        wait_before = r.retry_after >= 0 ? r.retry_after
                                         : std::min(settings_.max_retry_wait, settings_.backoff_seconds * std::pow(2.0, attempt));
    }

    const std::string sha = sha256_hex(body);
    result.bytes = static_cast<long long>(body.size());
    // The same bytes under another symbol: one file, this symbol recorded as another of its symbols.
    for (const std::string& section : manifest_.sections_with("sha256", sha)) {
        if (section == name || !file_matches_record(section)) continue;
        const auto others = manifest_.get(section, "other_symbols");
        std::vector<std::string> list = others ? split_list(*others) : std::vector<std::string>{};
        if (std::find(list.begin(), list.end(), target.symbol) == list.end() && manifest_.get(section, "symbol") != target.symbol) {
            std::string joined = others && !others->empty() ? *others + ", " + target.symbol : target.symbol;
            manifest_.set(section, "other_symbols", joined);
            if (std::string err = manifest_.save(); !err.empty()) return fail(Outcome::failed, "manifest: " + err);
        }
        std::error_code ec;
        fs::remove(part, ec);
        result.outcome = Outcome::already_there;
        result.file = section;
        result.cause = "the same document as " + section + " (recorded as another symbol of it)";
        return result;
    }
    std::error_code ec;
    if (!sync_path(part, O_RDONLY) || (fs::rename(part, final_path, ec), ec))
        return fail(Outcome::failed, "cannot write " + final_path.string() + (ec ? ": " + ec.message() : ""));
    sync_path(settings_.into, O_RDONLY | O_DIRECTORY);
    manifest_.set(name, "symbol", target.symbol);
    manifest_.set(name, "lang", target.lang);
    manifest_.set(name, "source_url", url);
    manifest_.set(name, "fetched_at", utc_timestamp());
    manifest_.set(name, "sha256", sha);
    if (std::string err = manifest_.save(); !err.empty()) return fail(Outcome::failed, "manifest: " + err);
    result.outcome = Outcome::fetched;
    result.file = name;
    return result;
}

}  // namespace verbatim::fetch
