#include "query/search/search_steps.h"

#include <map>

#include "model/schema.h"

namespace verbatim {

MatchWindow match_window(const SearchOptions& options, Xapian::doccount units) {
    MatchWindow w;
    w.grouping = options.group != GroupBy::none;
    w.check_at_least = units;
    // Groups need every match (bounded) to be sorted into; else the page asked for.
    w.first = w.grouping ? 0 : static_cast<Xapian::doccount>(options.offset);
    w.count = w.grouping ? std::min<Xapian::doccount>(units, kGroupedMatchesLimit)
                         : static_cast<Xapian::doccount>(options.limit);
    w.rank_base = w.grouping ? 0 : options.offset;
    return w;
}

bool orders_by_date(const SearchOptions& options, const ParsedQuery& parsed) {
    return options.sort != SortOrder::relevance || !parsed.has_text;
}

RankedMatches dated_matches(Xapian::Enquire& enquire, const MatchWindow& window, bool newest_first, bool remote) {
    RankedMatches m;
    if (remote) {
        m.mset = enquire.get_mset(0, std::min<Xapian::doccount>(window.check_at_least, kSortHereLimit),
                                  window.check_at_least);
        m.page = window_of(in_date_order(m.mset, newest_first), window.first, window.count);
        return m;
    }
    Xapian::MultiValueKeyMaker by_date;
    by_date.add_value(schema::kDateSlot, newest_first);
    by_date.add_value(schema::kDocSlot);
    by_date.add_value(schema::kSeqSlot);
    enquire.set_sort_by_key(&by_date, false);
    m.mset = enquire.get_mset(window.first, window.count, window.check_at_least);
    for (auto it = m.mset.begin(); it != m.mset.end(); ++it) m.page.push_back(it);
    return m;
}

SearchResult counted(const Xapian::MSet& mset) {
    SearchResult result;
    result.total = mset.get_matches_estimated();
    result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    result.total_at_least = mset.get_matches_lower_bound();
    return result;
}

std::vector<Hit> hits_of(const RankedMatches& matches, size_t rank_base, const RecordReader& record_of) {
    const bool read = matches.documents.size() == matches.page.size();
    std::vector<Hit> hits;
    for (size_t i = 0; i < matches.page.size(); ++i) {
        Hit hit;
        hit.record = record_of(read ? matches.documents[i] : matches.page[i].get_document());
        hit.score = rank_score(matches.page[i].get_weight());
        hit.rank = rank_base + i + 1;
        hits.push_back(std::move(hit));
    }
    return hits;
}

void group_hits(SearchResult& result, const SearchOptions& options) {
    std::map<std::string, HitGroup> groups;
    for (Hit& hit : result.hits) {
        const DocumentMeta& d = hit.record.doc;
        std::string key, label;
        if (options.group == GroupBy::document) {
            key = d.id;
            label = document_reference(d);
        } else {
            key = !d.meeting.empty() ? d.meeting : !d.body.empty() ? d.body + " " + d.date.substr(0, 4) : d.id;
            label = !d.meeting.empty() ? d.meeting : document_reference(d);
        }
        HitGroup& g = groups[key];
        g.key = key;
        g.label = label;
        if (!d.date.empty() && (g.first_date.empty() || d.date < g.first_date)) g.first_date = d.date;
        if (d.date > g.last_date) g.last_date = d.date;
        ++g.count;
        if (g.hits.size() < options.limit) g.hits.push_back(std::move(hit));
    }
    result.hits.clear();
    for (auto& [key, g] : groups) result.groups.push_back(std::move(g));
    std::sort(result.groups.begin(), result.groups.end(), [](const HitGroup& a, const HitGroup& b) {
        if (a.last_date != b.last_date) return a.last_date > b.last_date;
        return a.label != b.label ? a.label < b.label : a.key < b.key;
    });
}

void add_snippets(SearchResult& result, const Highlight& highlight, const AnalyserFor& analyser_for) {
    std::map<std::string, Highlighter> highlighters;
    for_each_hit(result, [&](Hit& hit) {
        const std::string& lang = hit.record.doc.lang;
        auto it = highlighters.find(lang);
        if (it == highlighters.end()) it = highlighters.try_emplace(lang, analyser_for(lang), highlight).first;
        hit.snippet = it->second.make_snippet(hit.record.unit.text);
    });
}

void mark_language_versions(SearchResult& result, const HasVersions& has_versions) {
    std::map<std::string, bool> several;
    for_each_hit(result, [&](Hit& hit) {
        DocumentMeta& d = hit.record.doc;
        auto it = several.find(d.id);
        if (it == several.end()) it = several.emplace(d.id, has_versions(d)).first;
        d.other_languages = it->second;
    });
}

}  // namespace verbatim
