// `verbatim index PATH...`
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <chrono>
#include <exception>
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "cli/command.h"
#include "cli/progress_bar.h"
#include "indexer/extract/ocr_cache.h"
#include "indexer/extract/isolated_extract.h"
#include "indexer/extract/ocr_choice.h"
#include "indexer/index/indexer.h"
#include "indexer/index/writer.h"

namespace verbatim::cli {

namespace {

// What the bar says beside the count: the speed and the time left, from the bytes read.
std::string speed_and_time_left(const IndexProgress& p, double seconds) {
    const double mbps = seconds > 0 ? static_cast<double>(p.bytes_done) / 1e6 / seconds : 0;
    const double left = p.bytes_done > 0 ? seconds * static_cast<double>(p.bytes_total - p.bytes_done) /
                                               static_cast<double>(p.bytes_done)
                                         : 0;
    char text[64];
    std::snprintf(text, sizeof text, "%.1f MB/s  %d:%02d left", mbps, static_cast<int>(left) / 60,
                  static_cast<int>(left) % 60);
    return text;
}

struct IndexCommandOptions {
    size_t threads = 0;
    std::vector<std::string> paths;
    bool json = false;
    bool wait = false;
    double wait_timeout = 600;
    std::string shard_by;
    uint64_t max_file_mb = 256;
    PdfLimits pdf;
    bool no_ocr = false;
};

// "ru+en" or "rus+eng" -> "rus+eng"; an unknown name, or language data that is not
// installed, is an error here rather than once per scanned file.
std::optional<std::string> ocr_languages(const std::string& given) {
    std::string out;
    std::stringstream parts(given);
    for (std::string part; std::getline(parts, part, '+');) {
        const std::string name = tesseract_language(part);
        if (name.empty()) {
            error("--ocr-lang: unknown language '" + part + "' (give ISO codes such as en, fr, es, ru, ar, zh, "
                  "or Tesseract names such as eng, chi_sim, joined by +)");
            return std::nullopt;
        }
        out += (out.empty() ? "" : "+") + name;
    }
    if (auto missing = missing_languages(out, tessdata_from_environment()); !missing.empty()) {
        error("--ocr-lang: " + missing_language_message(missing));
        return std::nullopt;
    }
    return out;
}

// The processes that hold the database's lock file open: the writer in progress
// (Xapian takes an open-file-description lock on it, which has no owner pid to ask for).
std::vector<std::string> lock_holders(const std::string& db) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path lock = fs::weakly_canonical(fs::path(db) / "flintlock", ec);
    std::vector<std::string> pids;
    const std::string self = std::to_string(getpid());
    for (const auto& proc : fs::directory_iterator("/proc", ec)) {
        const std::string pid = proc.path().filename().string();
        if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos || pid == self) continue;
        std::error_code fd_ec;
        for (const auto& fd : fs::directory_iterator(proc.path() / "fd", fd_ec)) {
            std::error_code link_ec;
            if (fs::read_symlink(fd.path(), link_ec) == lock) {
                pids.push_back(pid);
                break;
            }
        }
    }
    return pids;
}

std::string locked_message(const std::string& db) {
    std::vector<std::string> holders = lock_holders(db);
    std::string who = holders.empty() ? "another process" : "another process (pid " + join(holders) + ")";
    return "the index " + db + " is being updated by " + who;
}

// Why `db` must not be written to, or empty: a folder that holds files but no index
// (Xapian would add its files among them), or a file that is no index.
std::string not_for_an_index(const std::string& db) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path p = db;
    if (fs::is_regular_file(p, ec) && p.filename() != "verbatim.stub")
        return db + " is a file, not a verbatim index; give --db a new or empty folder, or an existing index";
    if (!fs::is_directory(p, ec) || fs::is_empty(p, ec)) return {};
    for (const char* marker : {"iamglass", "iamchert", "iamhoney", "verbatim.stub", "flintlock"})
        if (fs::exists(p / marker, ec)) return {};
    return db + " is a folder that holds other files, not a verbatim index; give --db a new or empty folder, "
                "or an existing index";
}

// Files of document kinds verbatim does not read, by extension, under the paths (walked as
// the indexer walks them: hidden files and linked folders left out): a folder of .docx
// files must not end in "0 skipped" as if nothing had been left out.
std::map<std::string, size_t> unread_kinds(const std::vector<std::string>& paths) {
    namespace fs = std::filesystem;
    static const std::set<std::string> kDocumentKinds{".doc",  ".docx", ".odt", ".rtf", ".html", ".htm", ".xhtml",
                                                      ".epub", ".xls",  ".xlsx", ".ods", ".ppt", ".pptx", ".odp", ".wpd"};
    std::map<std::string, size_t> kinds;
    auto count = [&](const fs::path& file) {
        std::string ext = file.extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
        if (kDocumentKinds.count(ext)) ++kinds[ext];
    };
    for (const std::string& given : paths) {
        std::error_code ec;
        if (fs::is_regular_file(given, ec)) continue;  // a named file is reported by the indexer
        fs::recursive_directory_iterator it(given, fs::directory_options::skip_permission_denied, ec), end;
        for (; !ec && it != end; it.increment(ec)) {
            if (it->path().filename().string().starts_with(".") || (it->is_symlink(ec) && it->is_directory(ec))) {
                if (it->is_directory(ec)) it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file(ec)) count(it->path());
        }
    }
    return kinds;
}

// Xapian 1.4 can end the process with std::terminate when a write fails at some points
// of a commit (the I/O-fault test found one). What is on disk is then as after a kill:
// the last commit, whole. Say so, and exit as any failed run does.
std::string g_terminate_message;
[[noreturn]] void terminated_in_run() {
    const std::string& m = g_terminate_message;
    ssize_t ignored = ::write(STDERR_FILENO, m.data(), m.size());
    (void)ignored;
    ::_exit(kError);
}

int run_index(const std::string& db, const IndexCommandOptions& command) {
    g_terminate_message = "\nverbatim: index " + db +
                          ": the index library stopped on an error while writing (most likely a failed write: a "
                          "full disk or an I/O error); the last committed state is intact, run index again\n";
    std::set_terminate(terminated_in_run);
    ::setenv(kFlushThresholdVariable, kFlushThreshold, 0);  // index/writer.h: before any thread
    const std::vector<std::string>& paths = command.paths;
    if (std::string why = not_for_an_index(db); !why.empty()) {
        error(why);
        return kError;
    }
    const bool json = command.json;
    IndexOptions options;
    options.db = db;
    for (const auto& p : paths) options.paths.emplace_back(p);
    options.threads = command.threads;
    options.shard_by = command.shard_by;
    PdfLimits pdf = command.pdf;
    pdf.ocr = !command.no_ocr;
    if (pdf.ocr && !pdf.ocr_languages.empty()) {
        auto languages = ocr_languages(pdf.ocr_languages);
        if (!languages) return kError;
        pdf.ocr_languages = *languages;
    }
    options.max_file_bytes = command.max_file_mb << 20;
    pdf.ocr_cache = default_ocr_cache(std::getenv("VERBATIM_OCR_CACHE"), std::getenv("XDG_CACHE_HOME"), std::getenv("HOME"));
    pdf.reader = pdf_reader_from_environment();
    options.pdf = pdf;
    ProgressBar bar(isatty(STDERR_FILENO) == 1 && !json, "files", 30, std::chrono::milliseconds(100));
    const auto started = std::chrono::steady_clock::now();
    IndexCallbacks callbacks;
    callbacks.on_problem = [&](const Problem& p) {
        bar.clear();
        std::cerr << "verbatim: " << problem_line(p) << "\n";
    };
    callbacks.on_progress = [&](const IndexProgress& p) {
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        bar.draw(p.files_done, p.files_total, speed_and_time_left(p, seconds));
    };
    auto start = std::chrono::steady_clock::now();
    IndexSummary s;
    const auto wait_until = start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                        std::chrono::duration<double>(command.wait_timeout));
    bool said_waiting = false;
    try {
        // A run in progress holds the lock: fail at once, or poll until it is released.
        for (;;) {
            try {
                s = run_index(options, callbacks);
                break;
            } catch (const IndexLockedError&) {
                if (!command.wait) {
                    error(locked_message(db) + "; try again when it is done, or give --wait");
                    return kError;
                }
                if (std::chrono::steady_clock::now() >= wait_until) {
                    error(locked_message(db) + "; gave up waiting after " +
                          std::to_string(static_cast<long long>(command.wait_timeout)) + " s");
                    return kError;
                }
                if (!said_waiting) error(locked_message(db) + "; waiting for it to finish");
                said_waiting = true;
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
            }
        }
    } catch (const IndexError& e) {
        bar.clear();
        error(e.what());
        return kError;
    } catch (const Xapian::Error& e) {
        bar.clear();
        error("index " + db + ": " + e.get_description() + " (the last committed state is intact)");
        return kError;
    } catch (const std::bad_alloc&) {
        bar.clear();
        error("index " + db + ": out of memory (the last committed state is intact)");
        return kError;
    } catch (const std::exception& e) {
        bar.clear();
        error("index " + db + ": " + e.what() + " (the last committed state is intact)");
        return kError;
    }
    bar.clear();
    // Named and counted, and the run ends in 1 like one that skipped files.
    size_t unread = 0;
    std::string kinds;
    for (const auto& [ext, n] : unread_kinds(paths)) {
        unread += n;
        kinds += (kinds.empty() ? "" : ", ") + ext + (n > 1 ? " (" + std::to_string(n) + ")" : "");
    }
    if (unread > 0)
        error(std::to_string(unread) + (unread == 1 ? " file" : " files") + " of a kind verbatim does not read: " + kinds +
              " (it reads .txt, .md and .pdf: save them as PDF or text)");
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const OcrCounts ocr = ocr_counts();
    if (json) {
        nlohmann::json j{{"db", db},         {"files", s.files},       {"indexed", s.indexed},
                         {"unchanged", s.unchanged}, {"removed", s.removed}, {"skipped", s.skipped},
                         {"units", s.units}, {"merged", s.merged},     {"seconds", seconds}};
        j["unread"] = unread;
        j["ocr_pages"] = ocr.pages;
        j["ocr_pages_cached"] = ocr.cached;
        j["problems"] = nlohmann::json::array();
        for (const Problem& p : s.problems) j["problems"].push_back({{"file", p.file}, {"cause", p.cause}});
        std::cout << j.dump() << "\n";
    } else {
        std::cerr << "indexed " << s.indexed << " file" << (s.indexed == 1 ? "" : "s") << " (" << s.units
                  << " units), " << s.unchanged << " unchanged, " << s.removed << " removed, " << s.skipped
                  << " skipped, in " << std::fixed << std::setprecision(2) << seconds << " s -> " << db << "\n";
        for (const std::string& m : s.merged) std::cerr << "merged: " << m << "\n";
        if (ocr.pages > 0)
            std::cerr << "OCR: " << ocr.pages << " scanned page" << (ocr.pages == 1 ? "" : "s") << " read ("
                      << ocr.cached << " from the cache " << pdf.ocr_cache.string() << ")\n";
    }
    return s.skipped > 0 || unread > 0 ? kNothing : kOk;
}

}  // namespace

Command add_index_command(CLI::App& app, GlobalOptions& global) {
    auto options = std::make_shared<IndexCommandOptions>();
    CLI::App* index = app.add_subcommand("index", "Index text and PDF reports from files and folders");
    add_db_option(*index, global, false);
    index->add_option("paths", options->paths, "files and folders to index")->required();
    index->add_flag("--json", options->json, "print the summary as JSON");
    index->add_option("--threads", options->threads, "workers that read and analyse files (default: one per core)")
        ->check(CLI::Range(0, 64));
    index->add_option("--shard-by", options->shard_by,
                      "split the index into shards by year, body, or N (a stable hash of the document id): "
                      "DB/shard-*/ and DB/verbatim.stub");
    index->add_flag("--wait", options->wait,
                    "when another run is updating the index, wait for it (else exit 2 at once)");
    index->add_option("--wait-timeout", options->wait_timeout, "seconds to wait with --wait before giving up")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    index->add_option("--max-file-mb", options->max_file_mb,
                      "megabytes a file may have; a larger one is reported and skipped")
        ->check(CLI::Range(uint64_t{1}, uint64_t{1} << 20))
        ->capture_default_str();
    index->add_option("--pdf-timeout", options->pdf.timeout_seconds,
                      "seconds one PDF may take to read before it is skipped")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    index->add_option("--pdf-memory", options->pdf.memory_mb, "megabytes of memory one PDF may use to read")
        ->check(CLI::Range(size_t{64}, size_t{1} << 20))
        ->capture_default_str();
    index->add_flag("--no-ocr", options->no_ocr,
                    "do not read scanned pages (no text layer) with Tesseract: such PDFs are skipped");
    index->add_option("--ocr-lang", options->pdf.ocr_languages,
                      "language(s) of scanned pages, e.g. ru or fr+en (default: from the file name, the "
                      "document's other pages, or the script Tesseract sees)");
    index->add_option("--ocr-page-timeout", options->pdf.ocr_page_seconds, "seconds OCR may take for one page")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    index->add_option("--ocr-file-timeout", options->pdf.ocr_file_seconds,
                      "seconds OCR may take for all the scanned pages of one file")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    index->footer("Re-running skips unchanged files and removes files that are gone.\n"
                  "Each PDF is read in a child process, bounded by --pdf-timeout and --pdf-memory:\n"
                  "a PDF that hangs or crashes the PDF library is reported and skipped.\n"
                  "Scanned pages are read with Tesseract (OCR), results kept in $XDG_CACHE_HOME/verbatim/ocr.\n"
                  "A manifest.ini beside the files gives what they cannot say about themselves.\n"
                  "Exit status: 0 done, 1 some files skipped, 2 error.");
    return {index, [options, &global] { return run_index(global.db, *options); }};
}

}  // namespace verbatim::cli
