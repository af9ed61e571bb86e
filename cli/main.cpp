// The `verbatim` command: parses arguments into typed options, calls the stages,
// prints, and maps outcomes to exit codes. The only place that touches argv,
// stdout/stderr and exit codes.
//
// Exit codes (like grep): 0 found / done, 1 nothing found or some files skipped,
// 2 error (bad query or reference, no index, bad arguments).
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "indexer/extract/extract.h"
#include "indexer/index/indexer.h"
#include "indexer/index/writer.h"
#include "query/cite/cite.h"
#include "query/present/json_output.h"
#include "query/present/text_output.h"
#include "query/search/searcher.h"

namespace {

using namespace verbatim;

constexpr int kOk = 0;
constexpr int kNothing = 1;
constexpr int kError = 2;

std::string default_db() {
    if (const char* env = std::getenv("VERBATIM_DB"); env && *env) return env;
    return "verbatim.db";
}

TextStyle terminal_style() {
    const char* no_color = std::getenv("NO_COLOR");
    return TextStyle{isatty(STDOUT_FILENO) == 1 && !(no_color && *no_color)};
}

void error(const std::string& message) { std::cerr << "verbatim: " << message << "\n"; }

std::string problem_line(const Problem& p) {
    return p.file + (p.page > 0 ? " (page " + std::to_string(p.page) + ")" : "") + ": " + p.cause;
}

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

int run_index_command(const std::string& db, const std::vector<std::string>& paths, bool json) {
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

SortOrder parse_sort(const std::string& s) {
    if (s == "newest") return SortOrder::newest;
    if (s == "oldest") return SortOrder::oldest;
    return SortOrder::relevance;
}

std::string join(const std::vector<std::string>& words) {
    std::string q;
    for (const auto& w : words) q += (q.empty() ? "" : " ") + w;
    return q;
}

int run_search_command(const std::string& db, const SearchOptions& options, bool json) {
    try {
        Searcher searcher(db);
        SearchResult result = searcher.search(options);
        if (json) {
            for (const Hit& hit : result.hits) std::cout << hit_to_json(hit).dump() << "\n";
        } else {
            print_hits(std::cout, result, options, terminal_style());
        }
        return result.total > 0 ? kOk : kNothing;
    } catch (const QueryError& e) {
        error("bad query '" + options.query + "': " + e.what());
        return kError;
    } catch (const DatabaseError& e) {
        error(e.what());
        return kError;
    } catch (const Xapian::Error& e) {
        error("search failed: " + e.get_description());
        return kError;
    }
}

int run_cite_command(const std::string& db, const std::string& reference, bool json) {
    try {
        Searcher searcher(db);
        CiteResult result = cite(searcher, reference);
        TextStyle style = terminal_style();
        for (size_t i = 0; i < result.units.size(); ++i) {
            if (json) {
                std::cout << unit_to_json(result.units[i]).dump() << "\n";
            } else {
                if (i > 0) std::cout << "\n";
                print_unit(std::cout, result.units[i], style);
            }
        }
        return kOk;
    } catch (const CiteError& e) {
        error(e.what());
        return kNothing;
    } catch (const DatabaseError& e) {
        error(e.what());
        return kError;
    } catch (const Xapian::Error& e) {
        error("cite failed: " + e.get_description());
        return kError;
    }
}

int run_show_command(const std::string& db, const std::string& reference, bool json) {
    try {
        Searcher searcher(db);
        std::optional<DocumentMeta> doc = searcher.find_document(reference);
        if (!doc) {
            std::string known;
            for (const DocumentMeta& d : searcher.documents())
                known += "\n  " + (d.symbol.empty() ? (d.name.empty() ? d.id : d.name) : d.symbol);
            error("no document '" + reference + "' in the index; it holds:" + known);
            return kNothing;
        }
        std::vector<UnitRecord> units = searcher.document_units(doc->id);
        if (json) {
            nlohmann::json j = to_json(*doc);
            j["units"] = nlohmann::json::array();
            for (const UnitRecord& u : units) j["units"].push_back(unit_to_json(u));
            std::cout << j.dump(2) << "\n";
            return kOk;
        }
        const DocumentMeta& d = *doc;
        auto field = [](const char* name, const std::string& value) {
            if (!value.empty()) std::cout << name << ": " << value << "\n";
        };
        field("id", d.id);
        field("symbol", d.symbol);
        for (const auto& s : d.other_symbols) field("also", s);
        field("name", d.name);
        field("title", d.title);
        field("date", d.date);
        field("type", d.type);
        field("body", d.body);
        field("meeting", d.meeting);
        field("place", d.place);
        field("distribution", d.distribution);
        field("original", d.original_language);
        field("language", d.lang);
        field("source", d.source);
        std::cout << "units: " << units.size() << " (" << describe_units(units) << ")\n\n";
        for (const UnitRecord& r : units) {
            const Unit& u = r.unit;
            std::string pages = pages_of(u);
            std::string text = u.text.size() > 90 ? u.text.substr(0, 87) + "..." : u.text;
            for (char& c : text)
                if (c == '\n') c = ' ';
            std::cout << std::left << std::setw(15) << to_string(u.kind) << " " << std::setw(28)
                      << (u.label.size() > 28 ? u.label.substr(0, 25) + "..." : u.label + (u.number_inferred ? "*" : ""))
                      << " " << std::setw(9) << pages << " " << text << "\n";
        }
        return kOk;
    } catch (const DatabaseError& e) {
        error(e.what());
        return kError;
    }
}

// `verbatim extract FILE`: the content lines as the extract stage reads them, to see
// why a document is structured the way it is.
int run_extract_command(const std::string& file) {
    auto extracted = extract_file(file);
    if (auto* problem = std::get_if<Problem>(&extracted)) {
        error(problem_line(*problem));
        return kError;
    }
    const ExtractedText& t = std::get<ExtractedText>(extracted);
    for (const Problem& p : t.problems) error(problem_line(p));
    for (const SourceLine& line : t.lines) {
        std::string text = line.text;
        for (const char* mark : {kFootnoteMarkOpen, kFootnoteMarkClose})
            for (size_t pos = text.find(mark); pos != std::string::npos; pos = text.find(mark))
                text.replace(pos, 3, mark == kFootnoteMarkOpen ? "<sup>" : "</sup>");
        std::cout << "p" << std::setw(3) << std::left << line.page << (line.starts_block ? " \u00b6 " : "   ")
                  << (line.role == LineRole::footnote ? "fn " : "   ") << (line.emphasised ? "* " : "  ") << text << "\n";
    }
    return kOk;
}

std::string query_help() {
    std::string help =
        "Query syntax:\n"
        "  words            all must match (stemmed: 'victim' finds 'victims'), ranked by BM25\n"
        "  \"a phrase\"       these words in this order (exact forms)\n"
        "  a OR b           either\n"
        "  NOT a, -a        exclude\n"
        "  ( ... )          grouping\n"
        "  non-punishment, non punishment and nonpunishment all find the same paragraphs\n"
        "Fields:\n";
    for (const QueryField& f : query_fields()) help += "  " + f.name + ":  " + f.description + "\n";
    help += "Exit status: 0 hits found, 1 no hits, 2 error.\n";
    return help;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"verbatim: full-text search for United Nations meeting documents.\n"
                 "Indexes reports (PDF and text) paragraph by paragraph and answers with citations."};
    app.set_version_flag("--version", std::string("verbatim ") + "0.1.0");
    app.require_subcommand(1);
    std::string db = default_db();
    app.add_option("--db", db, "index folder (default: $VERBATIM_DB, else ./verbatim.db)")->capture_default_str();

    bool json = false;
    std::vector<std::string> paths;
    CLI::App* index = app.add_subcommand("index", "Index text and PDF reports from files and folders");
    index->add_option("--db", db, "index folder (default: $VERBATIM_DB, else ./verbatim.db)");
    index->add_option("paths", paths, "files and folders to index")->required();
    index->add_flag("--json", json, "print the summary as JSON");
    index->footer("Re-running skips unchanged files and removes files that are gone.\n"
                  "A manifest.ini beside the files gives what they cannot say about themselves.\n"
                  "Exit status: 0 done, 1 some files skipped, 2 error.");

    SearchOptions search_options;
    std::vector<std::string> words;
    std::string sort = "relevance";
    CLI::App* search = app.add_subcommand("search", "Find paragraphs matching a query");
    search->add_option("--db", db, "index folder");
    search->add_option("--limit", search_options.limit, "hits to show")->check(CLI::Range(1, 10000))->capture_default_str();
    search->add_option("--offset", search_options.offset, "hits to skip (for paging)")->capture_default_str();
    search->add_option("--sort", sort, "relevance, newest or oldest")
        ->check(CLI::IsMember({"relevance", "newest", "oldest"}))
        ->capture_default_str();
    search->add_flag("--json", json, "one JSON object per hit (JSON Lines)");
    search->add_option("query", words, "the query (see below)")->required();
    search->footer(query_help());

    std::string reference;
    CLI::App* cite_cmd = app.add_subcommand("cite", "Print the unit a citation names");
    cite_cmd->add_option("--db", db, "index folder");
    cite_cmd->add_flag("--json", json, "one JSON object per unit");
    std::vector<std::string> reference_words;
    cite_cmd->add_option("reference", reference_words,
                         "e.g. \"CTOC/COP/WG.4/2020/4, para. 12\", \"ctoc/cop/wg.4/2020/4 paragraph 10\", "
                         "\"CTOC/COP/WG.4/2019/L.1, rec. 3\", \"... paras. 8-10\", \"... footnote 17\"")
        ->required();
    cite_cmd->footer("A document without a symbol is named by its manifest name.\n"
                     "Exit status: 0 found, 1 no such unit (the message lists what exists), 2 error.");

    std::string show_doc;
    CLI::App* show = app.add_subcommand("show", "Print a document as reconstructed: metadata and every unit");
    show->add_option("--db", db, "index folder");
    show->add_flag("--json", json, "the document and its units as JSON");
    show->add_option("document", show_doc, "symbol, manifest name or id")->required();

    std::string extract_path;
    CLI::App* extract = app.add_subcommand("extract", "Print the content lines read from a file (page, \u00b6 block start, fn footnote, * emphasis)");
    extract->add_option("file", extract_path, "a .txt, .md or .pdf file")->required()->check(CLI::ExistingFile);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return kError;
    }

    if (index->parsed()) return run_index_command(db, paths, json);
    if (search->parsed()) {
        search_options.query = join(words);
        search_options.sort = parse_sort(sort);
        return run_search_command(db, search_options, json);
    }
    if (cite_cmd->parsed()) return run_cite_command(db, join(reference_words), json);
    if (show->parsed()) return run_show_command(db, show_doc, json);
    if (extract->parsed()) return run_extract_command(extract_path);
    return kError;
}
