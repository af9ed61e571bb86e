// `verbatim-fetch`: the process behind `verbatim fetch`. `verbatim` parses the command
// line (and answers --help) and replaces itself with this one, so that only this process
// loads libcurl and the 30 libraries it brings (TLS, proxies, compression): a program
// that only links it starts in 10 ms instead of 2 ms, which every command would pay.
//
//   verbatim-fetch [the options of fetch_options.h] -- SYMBOL...
//
// Not meant to be run by hand; `verbatim fetch --help` says what it does.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include <xapian.h>

#include "fetch/citations.h"
#include "fetch/fetch_options.h"
#include "fetch/fetcher.h"
#include "fetch/symbols.h"
#include "indexer/index/indexer.h"
#include "indexer/index/writer.h"
#include "cli/progress_bar.h"

using namespace verbatim;
using namespace verbatim::fetch;

namespace {

constexpr int kOk = 0;
constexpr int kNothing = 1;
constexpr int kError = 2;

void error(const std::string& message) { std::cerr << "verbatim: " << message << "\n"; }

// The symbol, language and cause on one line, whatever bytes the server or a file gave.
std::string printable(const std::string& s) {
    std::string out;
    for (unsigned char c : s) out += c < 0x20 || c == 0x7f ? '?' : static_cast<char>(c);
    return out;
}

std::string label(const FetchTarget& t) { return printable(t.symbol) + " (" + t.lang + ")"; }

struct Tally {
    std::vector<FetchResult> results;
    size_t count(Outcome o) const {
        size_t n = 0;
        for (const FetchResult& r : results) n += r.outcome == o;
        return n;
    }
};

std::variant<std::vector<std::string>, std::string> languages(const std::string& list) {
    std::vector<std::string> langs;
    if (list == "all") return std::vector<std::string>(std::begin(kAllLanguages), std::end(kAllLanguages));
    std::stringstream in(list);
    for (std::string lang; std::getline(in, lang, ',');) {
        if (lang.size() != 2 || !std::islower(static_cast<unsigned char>(lang[0])) ||
            !std::islower(static_cast<unsigned char>(lang[1])))
            return "--lang: '" + lang + "' is not a two-letter language code (en, fr, es, ru, ar, zh) or all";
        if (std::find(langs.begin(), langs.end(), lang) == langs.end()) langs.push_back(lang);
    }
    if (langs.empty()) return std::string("--lang: no language given");
    return langs;
}

// The symbols given and those of --from, ranges expanded, each once, in order.
std::variant<std::vector<std::string>, std::string> symbols(const FetchOptions& o) {
    std::vector<std::string> given = o.symbols;
    if (!o.from.empty()) {
        std::ifstream file;
        if (o.from != "-") {
            file.open(o.from);
            if (!file) return "--from: cannot read " + o.from;
        }
        std::istream& in = o.from == "-" ? std::cin : file;
        for (std::string line; std::getline(in, line);) {
            if (const size_t hash = line.find('#'); hash != std::string::npos) line.erase(hash);
            line.erase(0, line.find_first_not_of(" \t\r"));
            line.erase(line.find_last_not_of(" \t\r") + 1);
            if (!line.empty()) given.push_back(line);
        }
    }
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (const std::string& text : given) {
        auto expanded = expand_symbol(text);
        if (auto* err = std::get_if<std::string>(&expanded)) return *err;
        for (std::string& s : std::get<std::vector<std::string>>(expanded))
            if (seen.insert(s).second) out.push_back(std::move(s));
    }
    return out;
}

int index_folder(const std::string& db, const std::filesystem::path& folder) {
    ::setenv(kFlushThresholdVariable, kFlushThreshold, 0);  // index/writer.h: before any thread
    IndexOptions options;
    options.db = db;
    options.paths = {folder};
    if (const char* reader = std::getenv(kPdfReaderVariable)) options.pdf.reader = reader;
    IndexCallbacks callbacks;
    callbacks.on_problem = [](const Problem& p) { error(printable(p.file) + ": " + p.cause); };
    try {
        const IndexSummary s = run_index(options, callbacks);
        std::cerr << "indexed " << s.indexed << " file" << (s.indexed == 1 ? "" : "s") << " (" << s.units << " units), "
                  << s.unchanged << " unchanged, " << s.skipped << " skipped -> " << db << "\n";
        return s.skipped > 0 ? kNothing : kOk;
    } catch (const IndexLockedError&) {
        error("the index " + db + " is being updated by another process; run verbatim index " + folder.string() +
              " --db " + db + " when it is done");
    } catch (const IndexError& e) {
        error(e.what());
    } catch (const Xapian::Error& e) {
        error("index " + db + ": " + e.get_description());
    }
    return kError;
}

void print_summary(const Tally& tally, const std::filesystem::path& into) {
    struct Row {
        Outcome outcome;
        const char* name;
    };
    const Row rows[] = {{Outcome::fetched, "fetched"},
                        {Outcome::already_there, "already there"},
                        {Outcome::not_found, "not found"},
                        {Outcome::failed, "failed"}};
    std::string line;
    for (const Row& row : rows) line += (line.empty() ? "" : ", ") + std::string(row.name) + " " + std::to_string(tally.count(row.outcome));
    std::cerr << line << " -> " << into.string() << "\n";
    for (const Row& row : rows) {
        std::string list;
        for (const FetchResult& r : tally.results)
            if (r.outcome == row.outcome) list += (list.empty() ? "" : ", ") + label(r.target);
        if (!list.empty()) std::cerr << "  " << row.name << ": " << list << "\n";
    }
}

int run(const FetchOptions& o) {
    auto langs = languages(o.langs);
    if (auto* err = std::get_if<std::string>(&langs)) {
        error(*err);
        return kError;
    }
    auto wanted = symbols(o);
    if (auto* err = std::get_if<std::string>(&wanted)) {
        error(*err);
        return kError;
    }
    const auto& symbol_list = std::get<std::vector<std::string>>(wanted);
    const auto& lang_list = std::get<std::vector<std::string>>(langs);
    if (symbol_list.empty() && o.follow_db.empty()) {
        error("no symbols: give SYMBOL..., --from FILE or --follow-citations DB");
        return kError;
    }
    if (!o.index_db.empty() && !o.follow_db.empty() && o.index_db != o.follow_db) {
        error("--index and --follow-citations name two indexes; --follow-citations DB indexes into DB");
        return kError;
    }
    const std::string db = !o.follow_db.empty() ? o.follow_db : o.index_db;

    FetchSettings settings;
    settings.into = o.into;
    settings.format = o.format == "docx" ? Format::docx : Format::pdf;
    const char* env_url = std::getenv("VERBATIM_ODS_URL");
    settings.ods_url = !o.ods_url.empty() ? o.ods_url : env_url && *env_url ? env_url : kDefaultOdsUrl;
    if (!settings.ods_url.starts_with("http://") && !settings.ods_url.starts_with("https://")) {
        error("--ods-url: '" + settings.ods_url + "' is not an http:// or https:// URL");
        return kError;
    }
    settings.delay_seconds = o.delay;
    settings.retries = o.retries;
    settings.backoff_seconds = o.backoff;
    settings.http.timeout_seconds = o.timeout;
    settings.http.max_time_seconds = o.max_time;
    settings.http.user_agent = std::string("verbatim/") + VERBATIM_VERSION + " (UN document search; fetch by symbol)";
    auto opened = Fetcher::open(settings);
    if (auto* p = std::get_if<Problem>(&opened)) {
        error(printable(p->file) + ": " + p->cause);
        return kError;
    }
    Fetcher& fetcher = *std::get<std::unique_ptr<Fetcher>>(opened);

    // The documents done and the one asked for: each takes a request, so every one is drawn.
    cli::ProgressBar bar(isatty(STDERR_FILENO) == 1, "", 24, std::chrono::milliseconds(0));
    FetchCallbacks callbacks;
    callbacks.on_start = [&](size_t done, size_t total, const FetchTarget& t) { bar.draw(done, total, label(t)); };
    callbacks.on_result = [&](const FetchResult& r) {
        if (r.outcome != Outcome::not_found && r.outcome != Outcome::failed) return;
        bar.clear();
        error(label(r.target) + ": " + (r.outcome == Outcome::not_found ? "not found: " : "failed: ") + printable(r.cause));
    };
    Tally tally;
    std::vector<FetchTarget> attempted;
    int status = kOk;
    auto round = [&](const std::vector<FetchTarget>& targets) {
        attempted.insert(attempted.end(), targets.begin(), targets.end());
        std::vector<FetchResult> results = fetcher.fetch(targets, callbacks);
        bar.clear();
        tally.results.insert(tally.results.end(), results.begin(), results.end());
        if (!db.empty()) status = std::max(status, index_folder(db, settings.into));
    };

    std::vector<FetchTarget> first;
    for (const std::string& s : symbol_list)
        for (const std::string& lang : lang_list) first.push_back({s, lang});
    if (!first.empty()) round(first);
    for (int depth = 1; !o.follow_db.empty() && depth <= o.depth && status != kError; ++depth) {
        std::vector<FetchTarget> next;
        try {
            for (FetchTarget& t : cited_not_indexed(o.follow_db, lang_list))
                if (std::find(attempted.begin(), attempted.end(), t) == attempted.end()) next.push_back(std::move(t));
        } catch (const Xapian::Error& e) {
            error("--follow-citations " + o.follow_db + ": " + e.get_description());
            return kError;
        }
        std::cerr << "citations, round " << depth << ": " << next.size() << " document"
                  << (next.size() == 1 ? "" : "s") << " cited and not in " << o.follow_db << "\n";
        if (next.empty()) break;
        round(next);
    }
    print_summary(tally, settings.into);
    if (status == kError) return kError;
    if (tally.count(Outcome::not_found) + tally.count(Outcome::failed) > 0) return kNothing;
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"verbatim-fetch: the process behind `verbatim fetch`"};
    FetchOptions options;
    add_fetch_options(app, options);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? kOk : kError;
    }
    return run(options);
}
