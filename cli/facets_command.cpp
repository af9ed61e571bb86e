// `verbatim facets QUERY` and `verbatim stats`: where a term lives, and what an index holds.
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "query/present/json_output.h"
#include "query/present/text_output.h"
#include "query/search/searcher.h"
#include "query/search/stats.h"

namespace verbatim::cli {

namespace {

int run_facets(const GlobalOptions& global, const std::string& query, bool json) {
    return run_query_command("bad query '" + query + "'", [&] {
        Searcher searcher(global.db, global.shards);
        SearchOptions options;
        options.query = query;
        options.limit = 0;
        options.facets = true;
        SearchResult result = searcher.search(options);
        if (json) {
            std::cout << nlohmann::json{{"query", query}, {"total", result.total}, {"facets", facets_to_json(result.facets, searcher.documents())}}
                             .dump()
                      << "\n";
        } else {
            print_facets(std::cout, result.facets, terminal_style());
            std::cout << result.total << (result.total == 1 ? " matching unit" : " matching units") << "\n";
        }
        return result.total > 0 ? kOk : kNothing;
    });
}

std::string counts(const std::map<std::string, size_t>& m) {
    std::string out;
    for (const auto& [k, v] : m) out += (out.empty() ? "" : ", ") + k + " " + std::to_string(v);
    return out.empty() ? "-" : out;
}

int run_stats(const GlobalOptions& global, bool json) {
    try {
        Searcher searcher(global.db, global.shards);
        IndexStats s = index_stats(searcher, global.db);
        if (json) {
            std::cout << nlohmann::json{{"path", s.path},           {"documents", s.documents}, {"units", s.units},
                                        {"files", s.files},         {"words", s.words},         {"languages", s.languages},
                                        {"types", s.types},         {"kinds", s.kinds},         {"first_date", s.first_date},
                                        {"last_date", s.last_date}, {"bytes", s.bytes}}
                             .dump()
                      << "\n";
            return kOk;
        }
        std::cout << "index:      " << s.path << "\n"
                  << "documents:  " << s.documents << " (from " << s.files << " files)\n"
                  << "units:      " << s.units << " (" << counts(s.kinds) << ")\n"
                  << "words:      " << s.words << " distinct\n"
                  << "languages:  " << counts(s.languages) << " (units)\n"
                  << "types:      " << counts(s.types) << " (units)\n"
                  << "dates:      " << (s.first_date.empty() ? "-" : s.first_date + " to " + s.last_date) << "\n"
                  << "size:       " << std::fixed << std::setprecision(1) << static_cast<double>(s.bytes) / 1e6 << " MB\n";
        return kOk;
    } catch (const DatabaseError& e) {
        error(e.what());
        return kError;
    }
}

}  // namespace

Command add_facets_command(CLI::App& app, GlobalOptions& global) {
    struct Options {
        std::vector<std::string> words;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    CLI::App* facets = app.add_subcommand("facets", "Count the units matching a query per year, meeting, type, "
                                                    "status, country and language");
    add_db_option(*facets, global);
    facets->add_flag("--json", options->json, "one JSON object");
    facets->add_option("query", options->words, "the query (as for search)")->required();
    facets->footer("Exit status: 0 matches, 1 none, 2 error.");
    return {facets, [options, &global] { return run_facets(global, join(options->words), options->json); }};
}

Command add_stats_command(CLI::App& app, GlobalOptions& global) {
    auto json = std::make_shared<bool>(false);
    CLI::App* stats = app.add_subcommand("stats", "What the index holds: documents, units, words, languages, dates, size");
    add_db_option(*stats, global);
    stats->add_flag("--json", *json, "one JSON object");
    return {stats, [json, &global] { return run_stats(global, *json); }};
}

}  // namespace verbatim::cli
