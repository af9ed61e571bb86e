// Runs queries against the index: ranked or dated hits, each a stored unit with a
// snippet, so nothing is re-read from the source files.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/analyser.h"
#include "model/unit_record.h"
#include "query/search/facets.h"
#include "query/search/query_parser.h"
#include "query/search/shards.h"
#include "query/search/snippet.h"

namespace verbatim {

enum class SortOrder { relevance, newest, oldest };

enum class GroupBy { none, meeting, document };

struct SearchOptions {
    std::string query;
    size_t limit = 10;   // hits shown (per group when grouping)
    size_t offset = 0;
    SortOrder sort = SortOrder::relevance;
    bool facets = false;  // count facet values over all matches
    size_t facet_values = 20;  // values kept per facet, the most frequent (years: the newest)
    GroupBy group = GroupBy::none;
};

struct Hit {
    UnitRecord record;
    double score = 0;
    size_t rank = 0;  // 1-based over the whole result list
    Snippet snippet;
    // The same unit in another language version (search --parallel), see parallel.h.
    std::string parallel_lang;            // the language asked for; empty when not asked
    std::optional<UnitRecord> parallel;   // the counterpart, when that version has it
};

// Hits under one meeting or document (search --group), newest group first.
struct HitGroup {
    std::string key;    // the meeting or the document id
    std::string label;  // "tenth meeting of the Working Group on Trafficking in Persons"
    std::string first_date, last_date;
    size_t count = 0;   // matching units in the group
    std::vector<Hit> hits;  // the best ones, up to SearchOptions::limit
};

struct SearchResult {
    std::vector<Hit> hits;
    size_t total = 0;         // matching units, every match counted
    bool total_exact = true;  // kept for the JSON contract: a search counts every match
    // What is certain when the count is not exact: at least this many match. Shown to
    // people instead of the estimate, which is far off for phrases (Xapian guesses their
    // frequency: "about 200" for 5,764 matches on the ungdc corpus).
    size_t total_at_least = 0;
    Facets facets;            // with SearchOptions::facets
    std::vector<HitGroup> groups;  // with SearchOptions::group
};

// The analyser of a language (Searcher::analyser_for, or one made for a test).
using AnalyserFor = std::function<const Analyser&(const std::string& lang)>;

// The database cannot be opened (missing, not a verbatim index, damaged).
struct DatabaseError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Searcher {
  public:
    // `db`: an index folder, a sharded index folder or stub file (see shards.h), or
    // several of them joined by '\n' (join_db_specs).
    explicit Searcher(const std::filesystem::path& db, const ShardPolicy& shards = {});

    // Throws QueryError for a malformed query.
    SearchResult search(const SearchOptions& options);

    // The parsed form of a query (for tools and tests).
    ParsedQuery parse(const std::string& query) const;

    // Units of a document in document order (all of them when `anchors` is empty).
    std::vector<UnitRecord> document_units(const std::string& doc_id) const;

    // The document meant by a symbol, manifest name or id (any letter case).
    std::optional<DocumentMeta> find_document(const std::string& reference) const;

    // Every document in the index.
    std::vector<DocumentMeta> documents() const;

    // The unit `anchor` of a document, if it exists.
    std::optional<UnitRecord> unit(const std::string& doc_id, const std::string& anchor) const;

    // The language versions of a document, itself included: the documents that share
    // its symbol, or its id before the language ("x.en", "x.fr").
    std::vector<DocumentMeta> versions(const DocumentMeta& doc) const;

    // Languages of the indexed documents ("ar", "en", ...), sorted.
    std::vector<std::string> indexed_languages() const;

    // The analyser of a language (built on first use; its stemmer, the one analysis).
    const Analyser& analyser_for(const std::string& lang) const;
    // The English analyser, for callers that do not know the language.
    const Analyser& analyser() const { return analyser_for("en"); }
    Xapian::Database& database() { return db_; }

    // Moves to the latest committed revision (a long-lived reader, e.g. `verbatim serve`,
    // calls it before each request); true when the revision may have changed.
    bool reopen();

    // The exact forms indexed under a stem key, read from every shard (remembered until
    // the next revision).
    StemForms stem_forms() const;

    // The stored unit of a Xapian document, with its document's fields.
    UnitRecord record_of(const Xapian::Document& xdoc) const;

    // Database metadata read from every shard (a combined Xapian database reads only
    // the first one's), and the shards themselves.
    std::string metadata(const std::string& key) const { return shard_metadata(shards_, key); }
    std::vector<std::string> metadata_keys(const std::string& prefix) const {
        return shard_metadata_keys(shards_, prefix);
    }
    const std::vector<Shard>& shards() const { return shards_; }
    // Some shard is remote: Xapian 1.4 cannot sort by several values there, so callers
    // that order by date, document and sequence sort on this side.
    bool has_remote() const {
        for (const Shard& s : shards_)
            if (s.remote) return true;
        return false;
    }
    // Shards that could not be opened (--allow-partial): the answers lack their units.
    const std::vector<std::string>& missing_shards() const { return missing_; }

  private:
    const DocumentMeta& document_meta(const std::string& doc_id) const;

    template <typename F>
    auto with_retry(F&& f) const -> decltype(f());

    mutable Xapian::Database db_;
    std::vector<Shard> shards_;  // share db_'s sub-databases, so reopen() moves both
    mutable DocumentFetcher fetcher_;  // the hits' documents from remote shards, in parallel
    std::vector<std::string> missing_;
    void clear_caches() const;

    // Caches of what a revision holds, cleared on reopen: each is a round trip per remote
    // shard to read again. Bounded: past kCacheLimit entries a cache starts afresh.
    static constexpr size_t kCacheLimit = 100000;
    mutable std::map<std::string, DocumentMeta> documents_;
    mutable std::map<std::string, std::vector<DocumentMeta>> versions_;
    mutable std::map<std::string, std::vector<std::string>> stem_forms_;
    mutable std::map<std::string, bool> vocabulary_;
    mutable std::optional<std::vector<std::string>> languages_;
    std::filesystem::path path_;
    mutable std::map<std::string, std::unique_ptr<Analyser>> analysers_;
};

}  // namespace verbatim
