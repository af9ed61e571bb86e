#include "query/reuse/reuse.h"
#include "query/reuse/reuse_steps.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "analysis/language.h"
#include "analysis/shingles.h"
#include "vocabulary/ascii.h"
#include "model/schema.h"

namespace verbatim {

namespace {

bool is_resolution(const std::string& symbol) {
    const std::string s = vocabulary::ascii_lower(symbol);
    return s.find("/res/") != std::string::npos || s.find("resolution") != std::string::npos;
}

// Units whose Xapian documents best match `query` (by `weight`, else BM25), added to `ids`.
// Equal weights are ordered by the stable key (ranked_matches), so the candidates kept are
// the same on every layout of the index.
void collect(Xapian::Database& db, bool remote, const Xapian::Query& query, size_t count,
             std::vector<Xapian::docid>& ids, const Xapian::Weight* weight = nullptr) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    if (weight) enquire.set_weighting_scheme(*weight);
    RankedMatches ranked = ranked_matches(enquire, remote, 0, static_cast<Xapian::doccount>(count), 0);
    for (const Xapian::MSetIterator& it : ranked.page)
        if (std::find(ids.begin(), ids.end(), *it) == ids.end()) ids.push_back(*it);
}

}  // namespace

std::vector<Xapian::docid> shingle_candidates(Xapian::Database& db, const std::vector<std::string>& keys,
                                              size_t count, bool remote) {
    std::vector<Xapian::docid> ids;
    // Winnowed as the index's are: a passage of six words or more shared with a unit gives
    // both the same fingerprint (the minimum of a window inside it), with 40% of the terms.
    std::set<std::string> shingles;
    for (uint64_t h : winnow(shingle_hashes(keys))) shingles.insert(shingle_term(h));
    if (shingles.empty()) return ids;
    // Fingerprints are boolean terms: BM25 weighs them all 0 and would keep the lowest
    // docids; counting the shared ones keeps the real source before units sharing one
    // common 3-gram ("of the united").
    const Xapian::CoordWeight shared_count;
    collect(db, remote, Xapian::Query(Xapian::Query::OP_OR, shingles.begin(), shingles.end()), count, ids,
            &shared_count);
    return ids;
}

Xapian::Query rarest_words_query(Xapian::Database& db, const std::vector<std::string>& keys, const StemForms& forms,
                                 size_t count) {
    // Chosen here from the forms' frequencies: OP_ELITE_SET would open the posting lists
    // of every stem's forms first, those of "the" and "of" too (a third of `agreed`).
    std::set<std::string> stems;
    for (const std::string& k : keys) stems.insert(schema::kStemPrefix + k);
    std::vector<std::pair<Xapian::doccount, Xapian::Query>> ranked;
    for (const std::string& stem : stems) {
        const std::vector<std::string> stem_forms = forms(stem);
        if (stem_forms.empty()) continue;
        Xapian::doccount frequency = 0;
        for (const std::string& form : stem_forms) frequency += db.get_termfreq(form);
        ranked.emplace_back(frequency, stem_key_query(stem, [&](const std::string&) { return stem_forms; }));
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    if (ranked.size() > count) ranked.resize(count);
    std::vector<Xapian::Query> words;
    for (auto& r : ranked) words.push_back(std::move(r.second));
    return Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end());
}

std::string as_percent(double share) { return std::to_string(static_cast<int>(std::lround(share * 100))) + "%"; }

SourceStatus status_of(const DocumentMeta& doc, const Unit& unit) {
    auto in_text = [&](const char* s) { return unit.text.find(s) != std::string::npos; };
    if (doc.type == "resolution") return {"adopted", 0};
    if (doc.type == "report") return {"adopted", 0};
    if (doc.type == "crp" || doc.type == "draft") {
        if (unit.kind == UnitKind::recommendation || unit.kind == UnitKind::item) {
            if (in_text("[agreed")) return {"agreed", 1};
            return {"draft", 2};
        }
        if (doc.type == "draft") return {"draft", 2};
        return {"comment", 3};
    }
    if (doc.type == "statement") return {"statement", 4};
    return {"other", 5};
}

std::vector<Xapian::docid> reuse_candidates(Xapian::Database& db, const std::vector<std::string>& keys,
                                            const StemForms& forms, size_t count, bool remote) {
    // Shared fingerprints (every 3-gram of the text: the index holds the winnowed ones, a
    // subset of those of any long shared run), then shared words.
    std::vector<Xapian::docid> ids = shingle_candidates(db, keys, count, remote);
    collect(db, remote, rarest_words_query(db, keys, forms, kRarestWords), count, ids);
    return ids;
}

WordSpan diff_window(const std::vector<Tile>& tiles, size_t draft_words, const std::vector<AlignedWord>& source,
                     WordSpan aligned, const std::optional<QuotedPassage>& quoted) {
    size_t draft_end = 0;
    for (const Tile& t : tiles) draft_end = std::max(draft_end, t.draft + t.length);
    const size_t before = 2 * tiles.front().draft + 3, after = 2 * (draft_words - draft_end) + 3;
    WordSpan w{aligned.from > before ? aligned.from - before : 0, std::min(source.size(), aligned.to + after)};
    if (quoted) {
        while (w.from < aligned.from && source[w.from].start < quoted->start) ++w.from;
        while (w.to > aligned.to && source[w.to - 1].end > quoted->end) --w.to;
    }
    return w;
}

std::optional<ReuseMatch> align_candidate(const std::string& text, const std::vector<AlignedWord>& draft,
                                          const Analyser& analyser, UnitRecord record,
                                          const AnalyserFor& analyser_for, const ReuseOptions& options) {
    const std::string& source_text = record.unit.text;
    const std::string source_lang = analysis_language(source_text, record.doc.lang);
    std::vector<AlignedWord> source =
        aligned_words(source_text, source_lang == analyser.lang() ? analyser : analyser_for(source_lang));
    std::vector<Tile> tiles = greedy_string_tiling(draft, source, 3);
    if (tiles.empty()) return std::nullopt;
    size_t covered = 0, longest = 0;
    for (const Tile& t : tiles) covered += t.length, longest = std::max(longest, t.length);
    const double coverage = static_cast<double>(covered) / static_cast<double>(draft.size());
    if (longest < options.min_words || (coverage < options.min_coverage && longest < options.min_passage))
        return std::nullopt;

    ReuseMatch m;
    m.coverage = coverage;
    m.longest = longest;
    std::sort(tiles.begin(), tiles.end(), [](const Tile& a, const Tile& b) { return a.draft < b.draft; });
    WordSpan aligned{source.size(), 0};
    for (const Tile& t : tiles) {
        size_t s = source[t.source].start, e = source[t.source + t.length - 1].end;
        m.passages.push_back({source_text.substr(s, e - s), t.length});
        aligned.from = std::min(aligned.from, t.source);
        aligned.to = std::max(aligned.to, t.source + t.length);
    }
    // A match inside a quoted passage is the agreed language of the quoted source.
    for (const QuotedPassage& q : record.unit.quotations)
        if (source[aligned.from].start >= q.start && source[aligned.to - 1].end <= q.end) m.quoted = q;
    m.status = m.quoted ? SourceStatus{is_resolution(m.quoted->symbol) ? "adopted" : "other",
                                       is_resolution(m.quoted->symbol) ? 0 : 5}
                        : status_of(record.doc, record.unit);
    const WordSpan w = diff_window(tiles, draft.size(), source, aligned, m.quoted);
    std::vector<AlignedWord> window(source.begin() + static_cast<long>(w.from), source.begin() + static_cast<long>(w.to));
    m.diff = word_diff(text, draft, source_text, window);
    m.score = coverage + 0.05 * (5 - m.status.rank) / 5.0;
    m.explanation = "shares " + as_percent(coverage) + " of the text in " + std::to_string(tiles.size()) +
                    (tiles.size() == 1 ? " passage" : " passages") + " (longest " + std::to_string(longest) +
                    " words); status " + m.status.name + (record.doc.date.empty() ? "" : "; dated " + record.doc.date);
    m.record = std::move(record);
    return m;
}

bool ranks_before(const ReuseMatch& a, const ReuseMatch& b, bool earliest_first) {
    auto date = [](const ReuseMatch& m) { return m.record.doc.date.empty() ? std::string("9999") : m.record.doc.date; };
    if (earliest_first) {
        bool fa = a.coverage >= 0.9, fb = b.coverage >= 0.9;  // contains the quotation
        if (fa != fb) return fa;
        if (fa && date(a) != date(b)) return date(a) < date(b);
    }
    if (a.score != b.score) return a.score > b.score;
    if (date(a) != date(b)) return date(a) < date(b);
    // Then by document and unit order: not by where the index keeps them.
    if (a.record.doc.id != b.record.doc.id) return a.record.doc.id < b.record.doc.id;
    return a.record.unit.seq < b.record.unit.seq;
}

std::vector<ReuseMatch> find_reuse(Searcher& searcher, const std::string& text, const ReuseOptions& options) {
    // The draft's words as the writer analysed words of that language (fingerprints
    // are stemmed in each unit's language).
    const Analyser& analyser = searcher.analyser_for(analysis_language(text, "en"));
    std::vector<AlignedWord> draft = aligned_words(text, analyser);
    if (draft.empty()) throw QueryError("the text has no words to compare", 1);
    Xapian::Database& db = searcher.database();

    std::vector<std::string> keys;
    for (const AlignedWord& w : draft) keys.push_back(w.key);
    const std::vector<Xapian::docid> ids =
        reuse_candidates(db, keys, searcher.stem_forms(), options.candidates, searcher.has_remote());
    const AnalyserFor analyser_for = [&](const std::string& lang) -> const Analyser& { return searcher.analyser_for(lang); };
    std::vector<ReuseMatch> matches;
    for (Xapian::docid id : ids)
        if (std::optional<ReuseMatch> m =
                align_candidate(text, draft, analyser, searcher.record_of(db.get_document(id)), analyser_for, options))
            matches.push_back(std::move(*m));

    std::sort(matches.begin(), matches.end(),
              [&](const ReuseMatch& a, const ReuseMatch& b) { return ranks_before(a, b, options.earliest_first); });
    if (matches.size() > options.limit) matches.resize(options.limit);
    return matches;
}

}  // namespace verbatim
