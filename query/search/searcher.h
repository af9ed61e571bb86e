// Runs queries against the index: ranked or dated hits, each a stored unit with a
// snippet, so nothing is re-read from the source files.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/analyser.h"
#include "indexer/index/unit_record.h"
#include "query/search/query_parser.h"
#include "query/search/snippet.h"

namespace verbatim {

enum class SortOrder { relevance, newest, oldest };

struct SearchOptions {
    std::string query;
    size_t limit = 10;
    size_t offset = 0;
    SortOrder sort = SortOrder::relevance;
};

struct Hit {
    UnitRecord record;
    double score = 0;
    size_t rank = 0;  // 1-based over the whole result list
    Snippet snippet;
};

struct SearchResult {
    std::vector<Hit> hits;
    size_t total = 0;         // matching units
    bool total_exact = true;  // false when `total` is an estimate
};

// The database cannot be opened (missing, not a verbatim index, damaged).
struct DatabaseError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Searcher {
  public:
    explicit Searcher(const std::filesystem::path& db);

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

    const Analyser& analyser() const { return analyser_; }
    Xapian::Database& database() { return db_; }

  private:
    // The stored unit of a Xapian document, with its document's fields.
    UnitRecord record_of(const Xapian::Document& xdoc) const;
    const DocumentMeta& document_meta(const std::string& doc_id) const;

    template <typename F>
    auto with_retry(F&& f) const -> decltype(f());

    mutable Xapian::Database db_;
    mutable std::map<std::string, DocumentMeta> documents_;  // cache, cleared on reopen
    std::filesystem::path path_;
    Analyser analyser_;
};

}  // namespace verbatim
