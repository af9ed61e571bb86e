#include "query/search/stats.h"

#include <cctype>
#include <filesystem>

#include "model/schema.h"

namespace verbatim {

namespace {

// Counts of the units holding each boolean term with `prefix`, by the term's value.
std::map<std::string, size_t> term_counts(Xapian::Database& db, const std::string& prefix) {
    std::map<std::string, size_t> out;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
        out[(*it).substr(prefix.size())] = it.get_termfreq();
    return out;
}

std::string iso(const std::string& yyyymmdd) {
    if (yyyymmdd.size() != 8) return {};
    return yyyymmdd.substr(0, 4) + "-" + yyyymmdd.substr(4, 2) + "-" + yyyymmdd.substr(6, 2);
}

}  // namespace

IndexStats index_stats(Searcher& searcher, const std::string& path) {
    IndexStats s;
    Xapian::Database& db = searcher.database();
    s.path = path;
    s.units = db.get_doccount();
    s.documents = searcher.documents().size();
    // File records live in the shards: a combined database's metadata is the first shard's.
    for (const std::string& key : searcher.metadata_keys(schema::kFileKey))
        if (!searcher.metadata(key).empty()) ++s.files;
    // Exact terms are the unprefixed ones: they start with a lower-case letter, a digit
    // or a non-ASCII byte, never with an upper-case prefix letter.
    for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
        unsigned char c = static_cast<unsigned char>((*it)[0]);
        if (!(c >= 'A' && c <= 'Z')) ++s.words;
    }
    s.languages = term_counts(db, schema::kLang);
    s.types = term_counts(db, schema::kType);
    s.kinds = term_counts(db, schema::kKind);
    s.first_date = iso(db.get_value_lower_bound(schema::kDateSlot));
    s.last_date = iso(db.get_value_upper_bound(schema::kDateSlot));
    // A sharded index folder holds its shards' folders; a stub file sits beside them.
    // Remote shards are not counted (their size is on their servers).
    std::error_code ec;
    std::filesystem::path dir = path;
    if (std::filesystem::is_regular_file(dir, ec)) dir = dir.parent_path();
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec))
        if (entry.is_regular_file(ec)) s.bytes += entry.file_size(ec);
    return s;
}

}  // namespace verbatim
