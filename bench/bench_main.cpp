// verbatim_bench: in-process timings (warm, no process start-up) of the query side.
//
//   verbatim_bench agreed DB DRAFT_FILE [RUNS]   prior agreed language for a draft
//   verbatim_bench search DB QUERY_FILE [RUNS]   each line of QUERY_FILE as a query
//
// Prints the median, p95 and p99 in milliseconds.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

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

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: verbatim_bench agreed|search DB FILE [RUNS]\n";
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
    std::cerr << "unknown mode " << mode << "\n";
    return 2;
}
