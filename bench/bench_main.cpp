// verbatim_bench: in-process timings (warm, no process start-up) of the query side.
//
//   verbatim_bench agreed DB DRAFT_FILE [RUNS]   prior agreed language for a draft
//   verbatim_bench search DB QUERY_FILE [RUNS]   each line of QUERY_FILE as a query
//   verbatim_bench mixed  DB MIXED_FILE [RUNS] [JSON_OUT]
//       each line "KIND<TAB>TEXT", KIND one of search, facets, cite, agreed (bench/data/queries.txt);
//       '#' lines and empty lines are skipped. Timings are grouped by class: search lines are
//       word (plain words), phrase (has a quoted phrase), boolean (OR, AND, NOT, -, parentheses)
//       or filter (has a field:value); then facets, cite and agreed. Searches ask for 10 hits
//       with their snippets, as the CLI does. JSON_OUT gets one object per class.
//   verbatim_bench languages DB TESTSET_DIR [SENTENCES]
//       phrase, elision and Han substring queries over the UNPC test set, one file per
//       sentence (scripts/bench-languages.sh): the share that finds its sentence, and the misses.
//   verbatim_bench units  DB OUT                 every unit's text, for loading into a peer
//       (SQLite FTS5): "doc-id US text RS" per unit (ASCII unit and record separators).
//
// Prints the median, p95 and p99 in milliseconds.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "bench/languages.h"
#include "model/unit_record.h"
#include "query/cite/cite.h"
#include "query/reuse/reuse.h"
#include "query/search/searcher.h"

using namespace verbatim;
using Clock = std::chrono::steady_clock;

namespace {

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    size_t i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

void report(const std::string& what, const std::vector<double>& ms) {
    std::printf("%-28s runs %5zu  median %8.3f ms  p95 %8.3f ms  p99 %8.3f ms\n", what.c_str(), ms.size(),
                percentile(ms, 0.5), percentile(ms, 0.95), percentile(ms, 0.99));
}

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

template <typename F>
double time_ms(F&& f) {
    auto start = Clock::now();
    f();
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// The class a search line is reported under.
std::string search_class(const std::string& q) {
    if (q.find(':') != std::string::npos) return "filter";
    std::istringstream words(q);
    for (std::string w; words >> w;)
        if (w == "OR" || w == "AND" || w == "NOT" || w[0] == '-' || w[0] == '(') return "boolean";
    if (q.find('"') != std::string::npos) return "phrase";
    return "word";
}

struct Line {
    std::string kind;  // search, facets, cite, agreed
    std::string text;
    std::string cls;   // word, phrase, boolean, filter, facets, cite, agreed
};

int run_mixed(Searcher& searcher, const std::string& file, int runs, const std::string& json_out) {
    std::vector<Line> lines;
    std::istringstream in(slurp(file));
    for (std::string l; std::getline(in, l);) {
        if (l.empty() || l[0] == '#') continue;
        size_t tab = l.find('\t');
        if (tab == std::string::npos) {
            std::cerr << "no tab in line: " << l << "\n";
            return 2;
        }
        Line line{l.substr(0, tab), l.substr(tab + 1), ""};
        if (line.kind == "search") line.cls = search_class(line.text);
        else if (line.kind == "facets" || line.kind == "cite" || line.kind == "agreed") line.cls = line.kind;
        else {
            std::cerr << "unknown kind '" << line.kind << "'\n";
            return 2;
        }
        lines.push_back(line);
    }
    std::map<std::string, size_t> found;  // per line index: hits (to check the queries do something)
    auto run_one = [&](const Line& line) -> size_t {
        if (line.kind == "search") {
            SearchOptions o;
            o.query = line.text;
            return searcher.search(o).total;
        }
        if (line.kind == "facets") {
            SearchOptions o;
            o.query = line.text;
            o.facets = true;
            return searcher.search(o).total;
        }
        if (line.kind == "cite") {
            try {
                return cite(searcher, line.text).units.size();
            } catch (const CiteError&) {
                return 0;
            }
        }
        return find_reuse(searcher, line.text, {}).size();
    };
    std::map<std::string, std::vector<double>> ms;
    std::vector<size_t> results(lines.size());
    for (size_t i = 0; i < lines.size(); ++i) results[i] = run_one(lines[i]);  // warm
    for (int r = 0; r < runs; ++r)
        for (const Line& line : lines) {
            double t = time_ms([&] { run_one(line); });
            ms[line.cls].push_back(t);
            ms["all"].push_back(t);
        }
    size_t empty = 0;
    for (size_t i = 0; i < lines.size(); ++i)
        if (results[i] == 0) {
            ++empty;
            std::fprintf(stderr, "note: no result for %s '%s'\n", lines[i].kind.c_str(),
                         lines[i].text.substr(0, 60).c_str());
        }
    std::map<std::string, size_t> count;
    for (const Line& l : lines) ++count[l.cls];
    count["all"] = lines.size();
    std::ofstream json;
    if (!json_out.empty()) json.open(json_out);
    for (const auto& [cls, v] : ms) {
        report(cls + " (" + std::to_string(count[cls]) + " lines)", v);
        if (json)
            json << "{\"class\":\"" << cls << "\",\"lines\":" << count[cls] << ",\"runs\":" << v.size()
                 << ",\"p50_ms\":" << percentile(v, 0.5) << ",\"p95_ms\":" << percentile(v, 0.95)
                 << ",\"p99_ms\":" << percentile(v, 0.99) << ",\"max_ms\":" << percentile(v, 1.0) << "}\n";
    }
    std::printf("%zu lines, %zu without a result\n", lines.size(), empty);
    return 0;
}

int run_units(Searcher& searcher, const std::string& out_path) {
    std::ofstream out(out_path, std::ios::binary);
    Xapian::Database& db = searcher.database();
    size_t n = 0;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        auto [unit, doc_id] = parse_unit(db.get_document(*it).get_data());
        std::string text = unit.text;
        std::replace(text.begin(), text.end(), '\x1f', ' ');
        std::replace(text.begin(), text.end(), '\x1e', ' ');
        out << doc_id << '\x1f' << text << '\x1e';
        ++n;
    }
    std::printf("%zu units\n", n);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: verbatim_bench agreed|search|mixed|units|languages DB FILE [RUNS] [JSON_OUT]\n";
        return 2;
    }
    std::string mode = argv[1], db = argv[2], file = argv[3];
    int runs = argc > 4 ? std::atoi(argv[4]) : 50;
    Searcher searcher(db);
    if (mode == "agreed") {
        std::string draft = slurp(file);
        size_t found = 0;
        find_reuse(searcher, draft, {});  // warm the caches
        std::vector<double> ms;
        for (int i = 0; i < runs; ++i) ms.push_back(time_ms([&] { found = find_reuse(searcher, draft, {}).size(); }));
        report("agreed (" + std::to_string(found) + " found)", ms);
        return 0;
    }
    if (mode == "search") {
        std::vector<std::string> queries;
        std::istringstream lines(slurp(file));
        for (std::string q; std::getline(lines, q);)
            if (!q.empty()) queries.push_back(q);
        std::vector<double> ms;
        for (const auto& q : queries) searcher.search({q, 10, 0, SortOrder::relevance});  // warm
        for (int i = 0; i < runs; ++i)
            for (const auto& q : queries) ms.push_back(time_ms([&] { searcher.search({q, 10, 0, SortOrder::relevance}); }));
        report("search (" + std::to_string(queries.size()) + " queries)", ms);
        return 0;
    }
    if (mode == "mixed") return run_mixed(searcher, file, argc > 4 ? runs : 20, argc > 5 ? argv[5] : "");
    if (mode == "units") return run_units(searcher, file);
    if (mode == "languages") return run_languages(searcher, file, argc > 4 ? std::stoul(argv[4]) : 4000);
    std::cerr << "unknown mode " << mode << "\n";
    return 2;
}
