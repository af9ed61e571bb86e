// `verbatim index PATH...`
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "indexer/index/indexer.h"
#include "indexer/index/writer.h"

namespace verbatim::cli {

namespace {

// Progress on a terminal only: files, MB/s and time left, redrawn in place.
class ProgressBar {
  public:
    explicit ProgressBar(bool enabled) : enabled_(enabled), start_(std::chrono::steady_clock::now()) {}
    void update(const IndexProgress& p) {
        if (!enabled_ || p.files_total == 0) return;
        auto now = std::chrono::steady_clock::now();
        if (now - last_ < std::chrono::milliseconds(100) && p.files_done < p.files_total) return;
        last_ = now;
        double seconds = std::chrono::duration<double>(now - start_).count();
        double mbps = seconds > 0 ? static_cast<double>(p.bytes_done) / 1e6 / seconds : 0;
        double left = p.bytes_done > 0 ? seconds * static_cast<double>(p.bytes_total - p.bytes_done) /
                                             static_cast<double>(p.bytes_done)
                                       : 0;
        int width = 30;
        int filled = static_cast<int>(width * p.files_done / p.files_total);
        std::fprintf(stderr, "\r[%s%s] %zu/%zu files  %.1f MB/s  %d:%02d left ", std::string(static_cast<size_t>(filled), '#').c_str(),
                     std::string(static_cast<size_t>(width - filled), ' ').c_str(), p.files_done, p.files_total, mbps,
                     static_cast<int>(left) / 60, static_cast<int>(left) % 60);
        drawn_ = true;
    }
    void clear() {
        if (drawn_) std::fprintf(stderr, "\r\x1b[K");
        drawn_ = false;
    }

  private:
    bool enabled_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point start_, last_{};
};

int run_index(const std::string& db, const std::vector<std::string>& paths, bool json) {
    IndexOptions options;
    options.db = db;
    for (const auto& p : paths) options.paths.emplace_back(p);
    ProgressBar bar(isatty(STDERR_FILENO) == 1 && !json);
    IndexCallbacks callbacks;
    callbacks.on_problem = [&](const Problem& p) {
        bar.clear();
        std::cerr << "verbatim: " << problem_line(p) << "\n";
    };
    callbacks.on_progress = [&](const IndexProgress& p) { bar.update(p); };
    auto start = std::chrono::steady_clock::now();
    IndexSummary s;
    try {
        s = run_index(options, callbacks);
    } catch (const IndexError& e) {
        bar.clear();
        error(e.what());
        return kError;
    } catch (const Xapian::Error& e) {
        bar.clear();
        error("index " + db + ": " + e.get_description() + " (the last committed state is intact)");
        return kError;
    }
    bar.clear();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (json) {
        nlohmann::json j{{"db", db},         {"files", s.files},       {"indexed", s.indexed},
                         {"unchanged", s.unchanged}, {"removed", s.removed}, {"skipped", s.skipped},
                         {"units", s.units}, {"merged", s.merged},     {"seconds", seconds}};
        j["problems"] = nlohmann::json::array();
        for (const Problem& p : s.problems) j["problems"].push_back({{"file", p.file}, {"cause", p.cause}});
        std::cout << j.dump() << "\n";
    } else {
        std::cerr << "indexed " << s.indexed << " file" << (s.indexed == 1 ? "" : "s") << " (" << s.units
                  << " units), " << s.unchanged << " unchanged, " << s.removed << " removed, " << s.skipped
                  << " skipped, in " << std::fixed << std::setprecision(2) << seconds << " s -> " << db << "\n";
        for (const std::string& m : s.merged) std::cerr << "merged: " << m << "\n";
    }
    return s.skipped > 0 ? kNothing : kOk;
}

}  // namespace

Command add_index_command(CLI::App& app, GlobalOptions& global) {
    struct Options {
        std::vector<std::string> paths;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    CLI::App* index = app.add_subcommand("index", "Index text and PDF reports from files and folders");
    add_db_option(*index, global);
    index->add_option("paths", options->paths, "files and folders to index")->required();
    index->add_flag("--json", options->json, "print the summary as JSON");
    index->footer("Re-running skips unchanged files and removes files that are gone.\n"
                  "A manifest.ini beside the files gives what they cannot say about themselves.\n"
                  "Exit status: 0 done, 1 some files skipped, 2 error.");
    return {index, [options, &global] { return run_index(global.db, options->paths, options->json); }};
}

}  // namespace verbatim::cli
