#include "query/search/shards.h"

#include "model/parse_number.h"
#include "model/schema.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <exception>
#include <set>
#include <sstream>
#include <thread>

namespace verbatim {

namespace fs = std::filesystem;

namespace {


// One line of a stub, or one --db: what to open and how to name it.
struct ShardSource {
    std::string name;
    std::string path;  // local database folder
    std::string host;  // remote, when not empty
    unsigned port = 0;
};

std::vector<std::string> words_of(const std::string& line) {
    std::istringstream in(line);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

std::vector<ShardSource> read_stub(const fs::path& stub) {
    std::ifstream in(stub);
    if (!in) throw ShardError("cannot read the shard list " + stub.string());
    std::vector<ShardSource> out;
    const fs::path base = stub.parent_path();
    int number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        std::vector<std::string> w = words_of(line);
        if (w.empty() || w[0][0] == '#') continue;
        auto bad = [&] {
            return ShardError(stub.string() + ", line " + std::to_string(number) + ": cannot read '" + line +
                              "' (expected `auto PATH`, `remote tcp HOST PORT` or `remote HOST:PORT`)");
        };
        ShardSource s;
        if ((w[0] == "auto" || w[0] == "glass" || w[0] == "chert") && w.size() == 2) {
            fs::path p = w[1];
            s.path = (p.is_relative() ? base / p : p).string();
            s.name = s.path;
        } else if (w[0] == "remote" && w.size() == 4 && w[1] == "tcp") {
            s.host = w[2];
            auto port = parse_number<unsigned>(w[3], 1, 65535);
            if (!port) throw bad();
            s.port = *port;
        } else if (w[0] == "remote" && w.size() == 2 && w[1].rfind(':') != std::string::npos && w[1][0] != ':') {
            size_t colon = w[1].rfind(':');
            s.host = w[1].substr(0, colon);
            auto port = parse_number<unsigned>(std::string_view(w[1]).substr(colon + 1), 1, 65535);
            if (!port) throw bad();
            s.port = *port;
        } else {
            throw bad();
        }
        if (!s.host.empty()) s.name = "remote tcp " + s.host + " " + std::to_string(s.port);
        out.push_back(std::move(s));
    }
    if (out.empty()) throw ShardError("the shard list " + stub.string() + " names no shard");
    return out;
}

std::vector<ShardSource> sources_of(const std::string& entry) {
    std::error_code ec;
    fs::path p = entry;
    if (fs::is_directory(p, ec) && fs::is_regular_file(p / kStubFileName, ec)) return read_stub(p / kStubFileName);
    if (fs::is_regular_file(p, ec)) return read_stub(p);
    return {ShardSource{entry, entry, "", 0}};
}

Xapian::Database open_one(const ShardSource& s) {
    if (!s.host.empty()) return Xapian::Remote::open(s.host, s.port, 10000, 3000);
    std::error_code ec;
    if (!fs::exists(s.path, ec)) throw ShardError("no index at " + s.path);
    return Xapian::Database(s.path);
}

}  // namespace

std::string join_db_specs(const std::vector<std::string>& dbs) {
    std::string out;
    for (const std::string& d : dbs) out += (out.empty() ? "" : "\n") + d;
    return out;
}

OpenedShards open_shards(const std::string& spec, const ShardPolicy& policy) {
    std::vector<ShardSource> sources;
    std::istringstream in(spec);
    for (std::string entry; std::getline(in, entry);)
        if (!entry.empty())
            for (ShardSource& s : sources_of(entry)) sources.push_back(std::move(s));
    if (sources.empty()) throw ShardError("no index given");

    OpenedShards out;
    for (const ShardSource& s : sources) {
        try {
            Xapian::Database db = open_one(s);
            out.combined.add_database(db);
            out.shards.push_back({s.name, db, !s.host.empty(), s.host, s.port});
        } catch (const std::exception& e) {
            throw ShardError("shard " + s.name + " cannot be opened: " + e.what());
        } catch (const Xapian::Error& e) {
            std::string why = "shard " + s.name + " cannot be opened: " + e.get_description();
            // One shard alone is the whole index: nothing partial to answer from.
            if (!policy.allow_partial || sources.size() == 1)
                throw ShardError(why + (sources.size() > 1 ? "; give --allow-partial to search the other shards" : ""));
            out.missing.push_back(s.name);
        }
    }
    if (out.shards.empty()) throw ShardError("no shard of the index can be opened");
    if (!out.missing.empty() && policy.notice) {
        std::string names;
        for (const std::string& m : out.missing) names += (names.empty() ? "" : ", ") + m;
        policy.notice("partial answer: " + std::to_string(out.shards.size()) + " of " + std::to_string(sources.size()) +
                 " shards searched; missing: " + names);
    }
    return out;
}

std::string shard_metadata(const std::vector<Shard>& shards, const std::string& key) {
    for (const Shard& s : shards) {
        std::string v = s.db.get_metadata(key);
        if (!v.empty()) return v;
    }
    return {};
}

std::vector<std::string> shard_metadata_keys(const std::vector<Shard>& shards, const std::string& prefix) {
    std::set<std::string> keys;
    for (const Shard& s : shards)
        for (auto it = s.db.metadata_keys_begin(prefix); it != s.db.metadata_keys_end(prefix); ++it)
            keys.insert(*it);
    return {keys.begin(), keys.end()};
}

std::vector<Xapian::MSetIterator> in_date_order(const Xapian::MSet& mset, bool newest_first) {
    struct Keyed {
        std::string date, doc, seq;
        Xapian::MSetIterator it;
    };
    std::vector<Keyed> keyed;
    mset.fetch();  // one round trip per shard for every document, not one per document
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Xapian::Document d = it.get_document();
        keyed.push_back({d.get_value(schema::kDateSlot), d.get_value(schema::kDocSlot), d.get_value(schema::kSeqSlot), it});
    }
    std::stable_sort(keyed.begin(), keyed.end(), [&](const Keyed& a, const Keyed& b) {
        if (a.date != b.date) return newest_first ? a.date > b.date : a.date < b.date;
        if (a.doc != b.doc) return a.doc < b.doc;
        return a.seq < b.seq;
    });
    std::vector<Xapian::MSetIterator> out;
    for (Keyed& k : keyed) out.push_back(k.it);
    return out;
}

void add_tie_key(Xapian::MultiValueKeyMaker& key) {
    key.add_value(schema::kDateSlot, true);
    key.add_value(schema::kDocSlot);
    key.add_value(schema::kSeqSlot);
}

double rank_score(double weight) {
    // Through decimal text: correctly rounded, so the same weight always rounds alike and
    // a larger weight never rounds below a smaller one (runs of equal scores stay together).
    char text[32];
    auto printed = std::to_chars(text, text + sizeof text, weight, std::chars_format::general, 9);
    double rounded = weight;
    std::from_chars(text, printed.ptr, rounded);
    return rounded;
}

RankedMatches ranked_matches(Xapian::Enquire& enquire, bool remote, Xapian::doccount first, Xapian::doccount count,
                             Xapian::doccount check_at_least, const ReadDocuments& read) {
    Xapian::MultiValueKeyMaker key;
    add_tie_key(key);
    if (remote) enquire.set_sort_by_relevance();
    else enquire.set_sort_by_relevance_then_key(&key, false);
    const Xapian::doccount want = first + count;
    // A few more than the page: a run of equal scores at its end shows whether it goes on.
    const Xapian::doccount asked = want + std::max<Xapian::doccount>(count, 20);
    RankedMatches out;
    out.mset = enquire.get_mset(0, asked, check_at_least);
    Xapian::MSet all = out.mset;
    std::vector<double> score;
    auto scores = [&] {
        score.clear();
        for (auto it = all.begin(); it != all.end(); ++it) score.push_back(rank_score(it.get_weight()));
    };
    scores();
    if (want > 0 && all.size() == asked && score.back() == score[want - 1]) {
        // The run goes on past what was asked: every match down to its score.
        enquire.set_cutoff(0, score[want - 1] * (1 - 1e-6));
        all = enquire.get_mset(0, std::max(asked, kSortHereLimit), Xapian::doccount{0});
        enquire.set_cutoff(0, 0);
        scores();
    }
    size_t lo = first, hi = std::min<size_t>(want, all.size());
    if (lo >= hi) return out;
    // The runs of equal scores the page touches, whole, put in key order.
    while (lo > 0 && score[lo - 1] == score[lo]) --lo;
    while (hi < all.size() && score[hi] == score[hi - 1]) ++hi;
    std::vector<Xapian::Document> docs;
    if (remote) {
        std::vector<Xapian::docid> ids;
        for (size_t i = lo; i < hi; ++i) ids.push_back(*all[static_cast<Xapian::doccount>(i)]);
        if (read) docs = read(ids);
        else
            for (size_t i = lo; i < hi; ++i) docs.push_back(all[static_cast<Xapian::doccount>(i)].get_document());
    }
    struct Ranked {
        double score;
        std::string key;
        Xapian::MSetIterator it;
        Xapian::Document doc;
    };
    std::vector<Ranked> ranked;
    for (size_t i = lo; i < hi; ++i) {
        Xapian::MSetIterator it = all[static_cast<Xapian::doccount>(i)];
        const bool tied = (i > lo && score[i - 1] == score[i]) || (i + 1 < hi && score[i + 1] == score[i]);
        Xapian::Document doc = remote ? docs[i - lo] : Xapian::Document();
        std::string k = !tied ? std::string() : remote ? key(doc) : it.get_sort_key();
        ranked.push_back({score[i], std::move(k), it, std::move(doc)});
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
        return a.score != b.score ? a.score > b.score : a.key < b.key;
    });
    for (size_t i = first; i < std::min<size_t>(want, all.size()); ++i) {
        out.page.push_back(ranked[i - lo].it);
        if (remote) out.documents.push_back(ranked[i - lo].doc);
    }
    return out;
}

std::vector<Xapian::Document> DocumentFetcher::documents(const std::vector<Shard>& shards,
                                                         const Xapian::Database& combined,
                                                         const std::vector<Xapian::docid>& ids) {
    std::vector<Xapian::Document> out(ids.size());
    const size_t n = shards.size();
    // A combined database interleaves its shards' document ids: id d is shard (d-1) % n's
    // document (d-1) / n + 1.
    struct Work {
        Xapian::Database db;
        std::vector<size_t> items;
    };
    std::vector<Work> work;
    std::map<size_t, size_t> work_of;  // shard * kConnectionsPerShard + connection -> work
    std::vector<size_t> on_shard(n, 0);
    if (extra_.size() != n) extra_.assign(n, {});
    // A shard that is itself several databases (a stub naming stubs) breaks that rule.
    const bool one_each = combined.size() == n && std::all_of(shards.begin(), shards.end(), [](const Shard& s) {
        return s.db.size() == 1;
    });
    for (size_t i = 0; i < ids.size(); ++i) {
        const size_t s = (ids[i] - 1) % n;
        if (!one_each || !shards[s].remote || n == 1) {
            out[i] = combined.get_document(ids[i]);
            continue;
        }
        const size_t c = on_shard[s]++ % kConnectionsPerShard;
        while (extra_[s].size() < c)
            extra_[s].push_back(Xapian::Remote::open(shards[s].host, shards[s].port, 10000, 3000));
        auto [at, fresh] = work_of.emplace(s * kConnectionsPerShard + c, work.size());
        if (fresh) work.push_back({c == 0 ? shards[s].db : extra_[s][c - 1], {}});
        work[at->second].items.push_back(i);
    }
    std::vector<std::exception_ptr> errors(work.size());
    auto run = [&](size_t k) {
        try {
            for (size_t i : work[k].items)
                out[i] = work[k].db.get_document(static_cast<Xapian::docid>((ids[i] - 1) / n + 1));
        } catch (...) {
            errors[k] = std::current_exception();
        }
    };
    std::vector<std::thread> threads;
    for (size_t k = 1; k < work.size(); ++k) threads.emplace_back(run, k);
    if (!work.empty()) run(0);
    for (std::thread& t : threads) t.join();
    for (const std::exception_ptr& e : errors)
        if (e) std::rethrow_exception(e);
    return out;
}

void DocumentFetcher::reopen() {
    for (auto& connections : extra_)
        for (Xapian::Database& db : connections) db.reopen();
}

}  // namespace verbatim
