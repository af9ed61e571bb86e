#include "query/search/searcher.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <string_view>
#include <set>
#include <nlohmann/json.hpp>

#include "vocabulary/ascii.h"
#include "model/schema.h"
#include "query/search/search_steps.h"

namespace verbatim {

namespace {

// Why `db` cannot be an index, said plainly (not in Xapian's words); empty when it may be.
std::string not_an_index(const std::filesystem::path& db) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const std::string make = "make one with `verbatim index --db FOLDER PATH...`";
    if (fs::is_regular_file(db, ec)) {
        // A single-file Xapian database (xapian-compact --single-file) is one file, and a
        // shard list ("auto PATH", "remote ..." lines) is a file that names an index.
        std::ifstream in(db, std::ios::binary);
        char magic[8] = {};
        if (in.read(magic, sizeof magic) && std::string_view(magic + 2, 6) == "Xapian") return {};
        in.clear();
        in.seekg(0);
        for (std::string line; std::getline(in, line);) {
            const size_t start = line.find_first_not_of(" \t\r");
            if (start == std::string::npos || line[start] == '#') continue;
            for (const char* word : {"auto ", "glass ", "chert ", "remote "})
                if (line.compare(start, std::strlen(word), word) == 0) return {};
            break;
        }
        return db.string() + " is a file, not a verbatim index: " + make;
    }
    if (fs::is_directory(db, ec)) {
        if (fs::is_empty(db, ec)) return "no index at " + db.string() + " (an empty folder): " + make;
        // "flintlock" alone: a first index run stopped before its first commit (said below).
        for (const char* marker : {"iamglass", "iamchert", "iamhoney", kStubFileName, "flintlock"})
            if (fs::exists(db / marker, ec)) return {};
        return db.string() + " is a folder, but not a verbatim index: " + make;
    }
    return {};
}

}  // namespace

Searcher::Searcher(const std::filesystem::path& db, const ShardPolicy& shards) : path_(db) {
    const std::string spec = db.string();
    std::error_code ec;
    if (spec.find('\n') == std::string::npos && !std::filesystem::exists(db, ec))
        throw DatabaseError("no index at " + db.string() + ": run `verbatim index PATH...` first, or give --db");
    if (spec.find('\n') == std::string::npos)
        if (std::string why = not_an_index(db); !why.empty()) throw DatabaseError(why);
    // A folder whose first index run failed before its first commit holds no database yet.
    if (std::filesystem::is_directory(db, ec) && !std::filesystem::exists(db / "iamglass", ec) &&
        !std::filesystem::exists(db / "verbatim.stub", ec) && std::filesystem::exists(db / "flintlock", ec))
        throw DatabaseError("no index at " + db.string() +
                            " yet (a first index run stopped before its first commit): run `verbatim index PATH...`");
    try {
        OpenedShards opened = open_shards(spec, shards);
        db_ = opened.combined;
        shards_ = std::move(opened.shards);
        missing_ = std::move(opened.missing);
    } catch (const ShardError& e) {
        throw DatabaseError(e.what());
    } catch (const Xapian::Error& e) {
        throw DatabaseError("cannot open the index " + db.string() + ": " + e.get_description());
    }
    // Every shard must be a verbatim index of this schema version.
    for (const Shard& shard : shards_) {
        std::string version = shard.db.get_metadata(schema::kSchemaKey);
        if (version.empty() && shard.db.get_doccount() > 0)
            throw DatabaseError(shard.name + " is a Xapian database, but not a verbatim index: make one with "
                                "`verbatim index --db FOLDER PATH...`");
        if (!version.empty() && version != schema::kSchemaVersion)
            throw DatabaseError("the index " + shard.name + " was written by another version of verbatim (schema " +
                                version + "); index again into a new folder");
    }
}

// A writer may commit while we read: reopen on the new revision and try again.
template <typename F>
auto Searcher::with_retry(F&& f) const -> decltype(f()) {
    for (int attempt = 0;; ++attempt) {
        try {
            return f();
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= 5) throw;
            db_.reopen();
            fetcher_.reopen();
            clear_caches();
        }
    }
}

bool Searcher::reopen() {
    if (!db_.reopen()) return false;
    fetcher_.reopen();
    clear_caches();  // document fields may have changed with the revision
    return true;
}

void Searcher::clear_caches() const {
    documents_.clear();
    versions_.clear();
    stem_forms_.clear();
    vocabulary_.clear();
    languages_.reset();
}

StemForms Searcher::stem_forms() const {
    const StemForms read = stem_forms_in(shards_);
    return [this, read](const std::string& key) {
        // Each shard's list is a metadata read, a round trip to a remote shard.
        if (stem_forms_.size() > kCacheLimit) stem_forms_.clear();
        auto it = stem_forms_.find(key);
        if (it == stem_forms_.end()) it = stem_forms_.emplace(key, read(key)).first;
        return it->second;
    };
}

const DocumentMeta& Searcher::document_meta(const std::string& doc_id) const {
    auto it = documents_.find(doc_id);
    if (it != documents_.end()) return it->second;
    DocumentMeta meta;
    nlohmann::json j = nlohmann::json::parse(metadata(schema::key(schema::kDocKey, doc_id)), nullptr, false);
    if (!j.is_discarded() && j.is_object()) meta = document_meta_from_json(j);
    else meta.id = doc_id;
    return documents_.emplace(doc_id, std::move(meta)).first->second;
}

UnitRecord Searcher::record_of(const Xapian::Document& xdoc) const {
    auto [unit, doc_id] = parse_unit(xdoc.get_data());
    return UnitRecord{document_meta(doc_id), std::move(unit)};
}

const Analyser& Searcher::analyser_for(const std::string& lang) const {
    auto& slot = analysers_[lang];
    if (!slot) slot = std::make_unique<Analyser>(lang);
    return *slot;
}

std::vector<std::string> Searcher::indexed_languages() const {
    if (languages_) return *languages_;
    return with_retry([&] {
        // The documents' languages and the units' own (a French paragraph in an English report).
        std::set<std::string> langs;
        for (const std::string prefix : {schema::kLang, schema::kUnitLang})
            for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it)
                langs.insert((*it).substr(prefix.size()));
        languages_.emplace(langs.begin(), langs.end());
        return *languages_;
    });
}

ParsedQuery Searcher::parse(const std::string& query) const {
    Vocabulary vocabulary = [this](const std::string& term) {
        // Compounds ask for many terms that do not exist: each a round trip per remote shard.
        if (vocabulary_.size() > kCacheLimit) vocabulary_.clear();
        auto it = vocabulary_.find(term);
        if (it == vocabulary_.end()) it = vocabulary_.emplace(term, db_.term_exists(term)).first;
        return it->second;
    };
    QueryLanguages languages{[this](const std::string& lang) -> const Analyser& { return analyser_for(lang); },
                             indexed_languages()};
    return parse_query(query, languages, vocabulary, stem_forms());
}

SearchResult Searcher::search(const SearchOptions& options) {
    return with_retry([&] {
        ParsedQuery parsed = parse(options.query);
        Xapian::Enquire enquire(db_);
        enquire.set_query(parsed.query);
        FacetSpy spy;
        if (options.facets) spy.attach(enquire);
        const MatchWindow window = match_window(options, db_.get_doccount());
        RankedMatches matches =
            orders_by_date(options, parsed)
                ? dated_matches(enquire, window, options.sort != SortOrder::oldest, has_remote())
                : ranked_matches(enquire, has_remote(), window.first, window.count, window.check_at_least,
                                 [&](const auto& ids) { return fetcher_.documents(shards_, db_, ids); });
        if (matches.documents.size() != matches.page.size() && has_remote()) {
            std::vector<Xapian::docid> ids;
            for (const Xapian::MSetIterator& it : matches.page) ids.push_back(*it);
            matches.documents = fetcher_.documents(shards_, db_, ids);
        }
        const Highlight highlight = with_stem_forms(Highlight{parsed.highlight_terms, parsed.highlight_phrases}, stem_forms());
        SearchResult result = counted(matches.mset);
        result.hits = hits_of(matches, window.rank_base, [this](const Xapian::Document& d) { return record_of(d); });
        if (options.facets) result.facets = spy.facets(options.facet_values);
        if (window.grouping) group_hits(result, options);
        add_snippets(result, highlight, [this](const std::string& lang) -> const Analyser& { return analyser_for(lang); });
        mark_language_versions(result, [this](const DocumentMeta& d) { return versions(d).size() > 1; });
        return result;
    });
}

std::vector<UnitRecord> Searcher::document_units(const std::string& doc_id) const {
    return with_retry([&] {
        std::vector<UnitRecord> units;
        const std::string term = schema::key(schema::kDocId, doc_id);
        for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it)
            units.push_back(record_of(db_.get_document(*it)));
        std::sort(units.begin(), units.end(), [](const UnitRecord& a, const UnitRecord& b) { return a.unit.seq < b.unit.seq; });
        return units;
    });
}

std::vector<DocumentMeta> Searcher::documents() const {
    return with_retry([&] {
        std::vector<DocumentMeta> docs;
        const std::string prefix = schema::kDocKey;
        for (const std::string& key : metadata_keys(prefix)) {
            std::string data = metadata(key);
            if (data.empty()) continue;
            nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
            if (!j.is_discarded()) docs.push_back(document_meta_from_json(j));
        }
        return docs;
    });
}

std::optional<DocumentMeta> Searcher::find_document(const std::string& reference) const {
    return with_retry([&]() -> std::optional<DocumentMeta> {
        auto lookup = [&](const std::string& key) -> std::optional<DocumentMeta> {
            for (const std::string& term : {schema::key(schema::kSymbol, key), schema::key(schema::kName, key),
                                             schema::key(schema::kDocId, key)}) {
                auto it = db_.postlist_begin(term);
                if (it != db_.postlist_end(term)) return record_of(db_.get_document(*it)).doc;
            }
            // "AFG_70_2015": the id without its language, when one language version has it.
            const std::string prefix = schema::kDocId + key + ".";
            std::string only;
            for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) {
                const std::string term = *t;
                if (term.find('.', prefix.size()) != std::string::npos) continue;  // a longer id
                if (!only.empty()) return std::nullopt;  // several languages: say which
                only = term;
            }
            if (only.empty()) return std::nullopt;
            auto it = db_.postlist_begin(only);
            if (it == db_.postlist_end(only)) return std::nullopt;
            return record_of(db_.get_document(*it)).doc;
        };
        std::string key = vocabulary::ascii_lower(reference);
        // "A/HRC/WG.6/34/ITA/3 [ru]": the version in that language, as a hit cites it.
        if (size_t open = key.rfind(" ["); open != std::string::npos && key.back() == ']' && key.size() - open <= 7) {
            const std::string lang = key.substr(open + 2, key.size() - open - 3);
            if (auto doc = lookup(key.substr(0, open))) {
                for (const DocumentMeta& v : versions(*doc))
                    if (v.lang == lang) return v;
                return std::nullopt;
            }
        }
        if (auto doc = lookup(key)) return doc;
        // "Speaking notes ... (13 October 2020)": a citation's document with its date.
        if (size_t open = key.rfind(" ("); open != std::string::npos && key.back() == ')')
            if (auto doc = lookup(key.substr(0, open))) return doc;
        // A file name as typed ("My Notes 2020") against its id's slug ("my-notes-2020").
        std::string slug;
        for (unsigned char c : key) {
            if (std::isalnum(c) || c == '.' || c == '_' || c >= 0x80) slug += static_cast<char>(c);
            else if (!slug.empty() && slug.back() != '-') slug += '-';
        }
        while (!slug.empty() && slug.back() == '-') slug.pop_back();
        if (slug != key && !slug.empty())
            if (auto doc = lookup(slug)) return doc;
        // The source file's name as the user sees it ("A_AC.292_2025_INF_5", with or
        // without ".en" and the extension), for documents whose id comes from a symbol.
        std::optional<DocumentMeta> found;
        for (const DocumentMeta& d : documents()) {
            std::string stem = vocabulary::ascii_lower(std::filesystem::path(d.source).stem().string());
            const std::string bare = stem.size() > d.lang.size() + 1 && stem.ends_with("." + d.lang)
                                         ? stem.substr(0, stem.size() - d.lang.size() - 1)
                                         : stem;
            if (key != stem && key != bare && key != vocabulary::ascii_lower(std::filesystem::path(d.source).filename().string()))
                continue;
            if (found && key == bare && key != stem) return std::nullopt;  // several languages: say which
            found = d;
        }
        return found;
    });
}

std::vector<DocumentMeta> Searcher::versions(const DocumentMeta& doc) const {
    // Read from every shard's metadata: round trips to remote ones, so kept per revision.
    if (auto known = versions_.find(doc.id); known != versions_.end()) return known->second;
    if (versions_.size() > kCacheLimit) versions_.clear();
    return versions_[doc.id] = with_retry([&] {
        std::vector<DocumentMeta> out;
        auto add = [&](const std::string& id) {
            if (std::none_of(out.begin(), out.end(), [&](const DocumentMeta& d) { return d.id == id; }))
                out.push_back(document_meta(id));
        };
        // Ids are "<symbol or name>.<lang>": the versions share what precedes the language.
        size_t dot = doc.id.rfind('.');
        if (dot != std::string::npos) {
            // The id from the record: a long id's key holds only its start (schema::key).
            const std::string stem = doc.id.substr(0, dot + 1);
            const std::string prefix = std::string(schema::kDocKey) + stem.substr(0, 160);
            for (const std::string& key : metadata_keys(prefix)) {
                nlohmann::json j = nlohmann::json::parse(metadata(key), nullptr, false);
                const std::string id = j.is_object() ? j.value("id", "") : "";
                if (id.size() > stem.size() && id.compare(0, stem.size(), stem) == 0 &&
                    id.find('.', stem.size()) == std::string::npos)
                    add(id);
            }
        }
        // A version filed under another id still shares the symbol: one unit per document.
        if (!doc.symbol.empty()) {
            Xapian::Enquire enquire(db_);
            enquire.set_query(Xapian::Query(schema::key(schema::kSymbol, vocabulary::ascii_lower(doc.symbol))));
            enquire.set_collapse_key(schema::kDocSlot);
            enquire.set_weighting_scheme(Xapian::BoolWeight());
            Xapian::MSet mset = enquire.get_mset(0, 1000);
            for (auto it = mset.begin(); it != mset.end(); ++it) {
                std::string id = it.get_document().get_value(schema::kDocSlot);
                // Only a main symbol makes a version; a document that merely lists it does not.
                if (vocabulary::ascii_lower(document_meta(id).symbol) == vocabulary::ascii_lower(doc.symbol)) add(id);
            }
        }
        if (out.empty()) out.push_back(doc);
        return out;
    });
}

std::optional<UnitRecord> Searcher::unit(const std::string& doc_id, const std::string& anchor) const {
    return with_retry([&]() -> std::optional<UnitRecord> {
        Xapian::Query q(Xapian::Query::OP_AND, Xapian::Query(schema::key(schema::kDocId, doc_id)),
                        Xapian::Query(schema::key(schema::kAnchor, anchor)));
        Xapian::Enquire enquire(db_);
        enquire.set_query(q);
        Xapian::MSet mset = enquire.get_mset(0, 1);
        if (mset.empty()) return std::nullopt;
        return record_of(mset.begin().get_document());
    });
}

}  // namespace verbatim
