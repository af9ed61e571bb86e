// The steps of Searcher::search, each with plain inputs and outputs (internal: the
// searcher and its tests include it). A search is: the window of matches to read, the
// matches in date order or ranked, the hits' records, groups, snippets with one
// highlighter per language, and the marks of documents held in several languages.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "query/search/query_parser.h"
#include "query/search/searcher.h"
#include "query/search/shards.h"

namespace verbatim {

// Grouping sorts at most this many matches into groups.
inline constexpr Xapian::doccount kGroupedMatchesLimit = 5000;

// Which matches a search reads.
struct MatchWindow {
    Xapian::doccount first = 0;  // the first match read (0-based)
    Xapian::doccount count = 0;  // how many from there
    // Every match is counted: the same query gives the same count on the page (which asks
    // for facets, so visits every match anyway), in the API and on the command line,
    // whatever the page or the options (issue 18: 106, 101 and 463 for one query).
    Xapian::doccount check_at_least = 0;
    size_t rank_base = 0;  // the rank of the first hit read, less one
    bool grouping = false;
};

// The page asked for (offset, limit), or for groups every match up to
// kGroupedMatchesLimit (they are sorted into groups after), in an index of `units` units.
MatchWindow match_window(const SearchOptions& options, Xapian::doccount units);

// Dated timeline: by date, else by relevance. A query of filters only has no relevance
// to rank by, so its units come in reading order, newest document first.
bool orders_by_date(const SearchOptions& options, const ParsedQuery& parsed);

// Elements [first, first + count) of `all`, as far as it reaches.
template <typename T>
std::vector<T> window_of(const std::vector<T>& all, size_t first, size_t count) {
    const size_t from = std::min(all.size(), first);
    const size_t to = std::min(all.size(), from + count);
    return std::vector<T>(all.begin() + static_cast<long>(from), all.begin() + static_cast<long>(to));
}

// The window's matches by document date (newest or oldest first), units in document
// order within each, in ranked_matches' shape (no documents read here). Over remote
// shards (no KeyMaker sort in Xapian 1.4) every match, up to kSortHereLimit, is fetched
// and put in the same order on this side.
RankedMatches dated_matches(Xapian::Enquire& enquire, const MatchWindow& window, bool newest_first, bool remote);

// The totals of a search from its first MSet: every match counted.
SearchResult counted(const Xapian::MSet& mset);

// The hits of `matches`, in order, ranked from window.rank_base + 1; their records read by
// `record_of` from the documents read with the page when there are (remote shards), else
// from the index.
using RecordReader = std::function<UnitRecord(const Xapian::Document&)>;
std::vector<Hit> hits_of(const RankedMatches& matches, size_t rank_base, const RecordReader& record_of);

// Sorts all hits into groups by meeting (or document), newest group first; each group
// keeps its best options.limit hits in result order. The flat hit list is then emptied.
void group_hits(SearchResult& result, const SearchOptions& options);

// Every hit of a result, flat or grouped, in order.
template <typename F>
void for_each_hit(SearchResult& result, F&& f) {
    for (Hit& hit : result.hits) f(hit);
    for (HitGroup& g : result.groups)
        for (Hit& hit : g.hits) f(hit);
}

// Each hit's snippet. Highlighting re-analyses the text in its document's language, so its
// stems meet the query's; one Highlighter per language serves every hit (it remembers the
// words it matched).
void add_snippets(SearchResult& result, const Highlight& highlight, const AnalyserFor& analyser_for);

// A hit in one of several language versions says which: "A/HRC/WG.6/34/ITA/3 [ru]".
// `has_versions` is asked once per document.
using HasVersions = std::function<bool(const DocumentMeta& doc)>;
void mark_language_versions(SearchResult& result, const HasVersions& has_versions);

}  // namespace verbatim
