// Opening an index that is split into shards: a Xapian stub file (local `auto PATH`
// lines, `remote tcp HOST PORT` or `remote HOST:PORT` lines served by xapian-tcpsrv), a
// sharded index folder (holding verbatim.stub), or several --db given together.
//
// Xapian combines the shards into one search with global statistics, so ranking and
// scores are those of one database. What it does not combine (metadata: a combined
// database reads only the first shard's) is read here from each shard.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace verbatim {

// The file listing the shards of a sharded index folder.
inline constexpr const char* kStubFileName = "verbatim.stub";

struct Shard {
    std::string name;  // as the user knows it: "DB/shard-2019", "remote tcp 127.0.0.1 9001"
    Xapian::Database db;
    bool remote = false;  // served by xapian-tcpsrv: no KeyMaker sort in Xapian 1.4
    std::string host;     // of a remote shard
    unsigned port = 0;
};

// Reads documents of the combined database of `shards` at once. Xapian 1.4 reads a remote
// document with a round trip of its own, one after another (MSet::fetch does not pipeline
// them): here each remote shard's documents are read in parallel, on up to
// kConnectionsPerShard connections to it (the shard's own, and more opened on first use
// and kept), so a page of hits costs about one round trip.
class DocumentFetcher {
  public:
    static constexpr size_t kConnectionsPerShard = 4;
    // `combined` is the database of `shards`, searched as one; `ids` are its document ids.
    std::vector<Xapian::Document> documents(const std::vector<Shard>& shards, const Xapian::Database& combined,
                                            const std::vector<Xapian::docid>& ids);
    // The extra connections move to the latest revision too.
    void reopen();

  private:
    std::vector<std::vector<Xapian::Database>> extra_;  // per shard, connections beyond its own
};

struct OpenedShards {
    Xapian::Database combined;        // every shard opened, searched as one
    std::vector<Shard> shards;        // the same, one by one (for metadata)
    std::vector<std::string> missing; // shards that could not be opened (with --allow-partial)
};

// A shard cannot be opened, or the spec names nothing.
struct ShardError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// What to do when a shard cannot be opened: by default an error naming it; with
// allow_partial (the CLI's --allow-partial) search the others and tell `notice` which did not.
struct ShardPolicy {
    bool allow_partial = false;
    std::function<void(const std::string&)> notice;
};

// `spec` is one path, or several joined by '\n' (several --db).
OpenedShards open_shards(const std::string& spec, const ShardPolicy& policy = {});

// Several --db options as one spec for open_shards.
std::string join_db_specs(const std::vector<std::string>& dbs);

// Metadata across shards: the first non-empty value, and every key with a prefix.
std::string shard_metadata(const std::vector<Shard>& shards, const std::string& key);
std::vector<std::string> shard_metadata_keys(const std::vector<Shard>& shards, const std::string& prefix);

// The order of equal scores, the same on every layout: the newest document first, then
// document id, then unit order. Xapian sorts by it locally; over remote shards (no KeyMaker
// sort in Xapian 1.4) it is made here from the same values.
void add_tie_key(Xapian::MultiValueKeyMaker& key);

// A weight as shown and ranked: 9 significant digits. Xapian sums a query's parts in an
// order that depends on each shard's term frequencies, so the same unit may weigh a few
// units in the last place apart on two layouts; rounded, they are equal, and tie.
double rank_score(double weight);

// Matches [first, first + count) of `enquire` by relevance: by rank_score, equal scores by
// add_tie_key, so a page is the same from one database, local shards or remote ones. A run of
// equal scores that crosses the page's end is searched to its end (at most kSortHereLimit
// matches). Over remote shards the documents whose keys are needed (the page's among them)
// are read with `read` when given (a DocumentFetcher), else one by one.
using ReadDocuments = std::function<std::vector<Xapian::Document>(const std::vector<Xapian::docid>&)>;
struct RankedMatches {
    Xapian::MSet mset;                        // the first search: counts and facets
    std::vector<Xapian::MSetIterator> page;  // in rank order
    std::vector<Xapian::Document> documents;  // the page's, when read here (remote shards)
};
RankedMatches ranked_matches(Xapian::Enquire& enquire, bool remote, Xapian::doccount first, Xapian::doccount count,
                             Xapian::doccount check_at_least, const ReadDocuments& read = {});

// The matches of `mset` by document date (newest or oldest first), then document id,
// then unit sequence: the order of a date sort, made on this side for remote shards.
inline constexpr Xapian::doccount kSortHereLimit = 20000;
std::vector<Xapian::MSetIterator> in_date_order(const Xapian::MSet& mset, bool newest_first);

}  // namespace verbatim
