// `verbatim search QUERY...`
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "query/present/json_output.h"
#include "query/present/text_output.h"
#include "query/search/parallel.h"
#include "query/search/searcher.h"

namespace verbatim::cli {

namespace {

SortOrder parse_sort(const std::string& s) {
    if (s == "newest") return SortOrder::newest;
    if (s == "oldest") return SortOrder::oldest;
    return SortOrder::relevance;
}

int run_search(const GlobalOptions& global, const SearchOptions& options, const std::string& parallel, bool json,
               bool pages) {
    return run_query_command("bad query '" + options.query + "'", [&] {
        Searcher searcher(global.db, global.shards);
        SearchResult result = searcher.search(options);
        if (!parallel.empty()) add_parallels(searcher, result, parallel);
        if (json) {
            for (const Hit& hit : result.hits) std::cout << hit_to_json(hit).dump() << "\n";
            for (const HitGroup& g : result.groups) std::cout << group_to_json(g).dump() << "\n";
            if (options.facets) std::cout << nlohmann::json{{"facets", facets_to_json(result.facets, searcher.documents())}}.dump() << "\n";
        } else {
            TextStyle style = terminal_style();
            style.pages = pages;
            if (options.facets) {
                print_facets(std::cout, result.facets, style);
                std::cout << "\n";
            }
            if (options.group != GroupBy::none) print_groups(std::cout, result, style);
            else print_hits(std::cout, result, options, style);
        }
        return result.total > 0 ? kOk : kNothing;
    });
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
        "Languages (ar, en, es, fr, ru, zh):\n"
        "  words are stemmed in the language they are written in: lang:xx if given, else\n"
        "  the script (Arabic, Cyrillic, Chinese), else the detected Latin language; when\n"
        "  unsure, in each of English, French and Spanish that the index holds\n"
        "Fields:\n";
    for (const QueryField& f : query_fields()) help += "  " + f.name + ":  " + f.description + "\n";
    help += "Exit status: 0 hits found, 1 no hits, 2 error.\n";
    return help;
}

}  // namespace

Command add_search_command(CLI::App& app, GlobalOptions& global) {
    struct Options {
        SearchOptions search;
        std::vector<std::string> words;
        std::string sort = "relevance";
        std::string parallel;
        bool json = false;
        bool pages = false;
        std::string group = "none";
    };
    auto options = std::make_shared<Options>();
    CLI::App* search = app.add_subcommand("search", "Find paragraphs matching a query");
    add_db_option(*search, global);
    search->add_option("--limit", options->search.limit, "hits to show")->check(CLI::Range(1, 10000))->capture_default_str();
    search->add_option("--offset", options->search.offset, "hits to skip (for paging)")->capture_default_str();
    search->add_option("--sort", options->sort, "relevance, newest or oldest")
        ->check(CLI::IsMember({"relevance", "newest", "oldest"}))
        ->capture_default_str();
    search->add_option("--parallel", options->parallel,
                       "also show each hit's counterpart (same document symbol and paragraph) in this language")
        ->check(CLI::IsMember({"ar", "en", "es", "fr", "ru", "zh"}));
    search->add_flag("--json", options->json, "one JSON object per hit (JSON Lines)");
    search->add_option("--group", options->group, "group hits by meeting or document, newest first")
        ->check(CLI::IsMember({"none", "meeting", "document"}));
    search->add_flag("--facets", options->search.facets,
                     "first count matches per year, meeting, type, status, country and language");
    search->add_flag("--pages", options->pages, "add printed pages to citations (\"..., para. 12, p. 3\")");
    search->add_option("query", options->words, "the query (see below)")->required();
    search->footer(query_help());
    return {search, [options, &global] {
                options->search.query = join(options->words);
                options->search.sort = parse_sort(options->sort);
                options->search.group = options->group == "meeting"    ? GroupBy::meeting
                                        : options->group == "document" ? GroupBy::document
                                                                       : GroupBy::none;
                return run_search(global, options->search, options->parallel, options->json, options->pages);
            }};
}

}  // namespace verbatim::cli
