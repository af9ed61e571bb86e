#include "indexer/index/writer.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "analysis/language.h"
#include "analysis/shingles.h"
#include "model/unit_record.h"
#include "vocabulary/ascii.h"
#include "model/schema.h"
#include "indexer/index/compactor.h"
#include "model/stem_forms.h"
#include "vocabulary/negotiation.h"

namespace verbatim {

namespace {

// The path is in the record too: a long one's key holds only its start and a hash.
nlohmann::json record_to_json(const std::string& path, const FileRecord& r) {
    return {{"path", path}, {"size", r.size}, {"mtime_ns", r.mtime_ns}, {"hash", r.hash},
            {"manifest", r.manifest_hash}, {"doc", r.doc_id}, {"merged", r.merged}};
}

FileRecord record_from_json(const std::string& data) {
    FileRecord r;
    nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
    if (j.is_discarded()) return r;
    r.size = j.value("size", uint64_t{0});
    r.mtime_ns = j.value("mtime_ns", int64_t{0});
    r.hash = j.value("hash", "");
    r.manifest_hash = j.value("manifest", "");
    r.doc_id = j.value("doc", "");
    r.merged = j.value("merged", false);
    return r;
}

}  // namespace

std::string content_hash(std::string_view bytes) {
    uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

Xapian::termpos add_text_terms(Xapian::Document& xdoc, const Analyser& analyser, const std::string& text,
                               Xapian::termpos base) {
    std::vector<Token> tokens = analyser.tokenize(text);
    // The words as text reuse sees them (reuse_keys: stems, compounds by their parts).
    // Stems are not indexed: stemmed search reads the forms recorded under each stem
    // (IndexWriter::record_stem_forms).
    std::vector<std::string> keys;
    keys.reserve(tokens.size());
    for (const Token& token : tokens) {
        xdoc.add_posting(token.term, base + token.position);
        if (token.role != Token::Role::joined) keys.push_back(analyser.stem(token.term));
    }
    // Fingerprints for finding reused wording (agreed language, quotations).
    for (uint64_t h : winnow(shingle_hashes(keys))) xdoc.add_boolean_term(shingle_term(h));
    // Han, Kana and Hangul: characters and bigrams in a sequence of their own.
    Xapian::termpos last = tokens.empty() ? base : base + tokens.back().position;
    for (const Token& gram : Analyser::cjk_grams(tokens, false)) {
        xdoc.add_posting(gram.term, base + gram.position);
        last = std::max(last, base + gram.position);
    }
    return last;
}

// The folder a database is compacted into before the swap: hidden, beside it (so the
// swap is a rename within one file system), never taken for a shard ("shard-*").
static std::filesystem::path compaction_dir(const std::filesystem::path& db) {
    std::filesystem::path p = std::filesystem::absolute(db).lexically_normal();
    if (p.filename().empty()) p = p.parent_path();
    return p.parent_path() / ("." + p.filename().string() + ".compacting");
}

std::filesystem::path part_path(const std::filesystem::path& db, size_t k) {
    std::filesystem::path p = compaction_dir(db);
    std::string name = p.filename().string();
    name.replace(name.size() - std::string_view(".compacting").size(), std::string::npos, ".part-" + std::to_string(k));
    return p.parent_path() / name;
}

namespace {

// A creation cut short (a failed write or sync, a kill) leaves Xapian's files without the
// version file "iamglass", which it writes last: nothing was ever committed, yet Xapian
// then refuses to open or create the folder ("Failed to open glass revision file"). Its
// own files are removed so the database is created again; a folder holding anything
// else is left alone.
void remove_unfinished_creation(const std::filesystem::path& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(path, ec) || fs::exists(path / "iamglass", ec)) return;
    std::vector<fs::path> xapian_files;
    for (const fs::directory_entry& entry : fs::directory_iterator(path, ec)) {
        const std::string name = entry.path().filename().string();
        const bool own = name == "flintlock" || name.ends_with(".tmp") || name.ends_with(".glass") ||
                         name.ends_with(".baseA") || name.ends_with(".baseB");
        if (!own || !entry.is_regular_file(ec)) return;
        xapian_files.push_back(entry.path());
    }
    if (ec || xapian_files.empty()) return;
    // Under Xapian's own lock (an open-file-description lock on flintlock, the whole file):
    // a writer creating the database right now holds it, and none can start meanwhile.
    const int fd = ::open((path / "flintlock").c_str(), O_RDWR | O_CLOEXEC);
    if (fd < 0) return;
    struct flock lock {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    if (::fcntl(fd, F_OFD_SETLK, &lock) == 0 && !fs::exists(path / "iamglass", ec))
        for (const fs::path& f : xapian_files)
            if (f.filename() != "flintlock") fs::remove(f, ec);
    ::close(fd);  // releases the lock
}

}  // namespace

IndexWriter::IndexWriter(const std::filesystem::path& path, Durability durability) : path_(path) {
    std::error_code ec;
    remove_unfinished_creation(path);
    created_ = !std::filesystem::exists(path / "iamglass", ec);
    try {
        // A scratch database is thrown away if the run dies: no need to wait for the disk.
        const int flags = Xapian::DB_CREATE_OR_OPEN | (durability == Durability::scratch ? Xapian::DB_NO_SYNC : 0);
        db_ = Xapian::WritableDatabase(path.string(), flags);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexLockedError("the index " + path.string() +
                         " is being updated by another process (it is locked); wait for that run to finish");
    } catch (const Xapian::Error& e) {
        throw IndexError("cannot open the index " + path.string() + " for writing: " + e.get_description());
    }
    std::string version = db_.get_metadata(schema::kSchemaKey);
    if (!version.empty() && version != schema::kSchemaVersion)
        throw IndexError("the index " + path.string() + " was written by another version of verbatim (schema " +
                         version + "); delete it and index again");
    if (version.empty()) db_.set_metadata(schema::kSchemaKey, schema::kSchemaVersion);
    if (db_.get_doccount() == 0) created_ = true;  // as good as new (a first run killed early)
    // A compaction cut short (the process was killed) left its copy, and a parallel build
    // its parts: the lock we hold says no one is using them.
    std::filesystem::remove_all(compaction_dir(path), ec);
    for (size_t k = 0; std::filesystem::exists(part_path(path, k), ec); ++k)
        std::filesystem::remove_all(part_path(path, k), ec);
}

std::string IndexWriter::compact() {
    if (in_batch_) return {};
    db_.commit();
    std::string why;
    rewrite({}, why);  // compacting is an optimisation: when it fails the index stays as it is
    return why;
}

void IndexWriter::merge_parts(std::vector<std::filesystem::path> parts) {
    // What this run wrote here (records, and the rare units written here) goes into one
    // more part: nothing is committed to this database before the swap, so a search or a
    // crash in between sees it as it was, never records whose units are still elsewhere.
    const std::filesystem::path records_path = part_path(path_, parts.size());
    std::error_code ec;
    std::filesystem::remove_all(records_path, ec);
    {
        Xapian::WritableDatabase records(records_path.string(), Xapian::DB_CREATE_OR_OPEN | Xapian::DB_NO_SYNC);
        for (auto it = db_.metadata_keys_begin(); it != db_.metadata_keys_end(); ++it)
            records.set_metadata(*it, db_.get_metadata(*it));
        for (auto it = db_.postlist_begin(""); it != db_.postlist_end(""); ++it)
            records.add_document(db_.get_document(*it));
        records.commit();
    }
    parts.push_back(records_path);
    if (in_batch_) {
        db_.cancel_transaction();
        in_batch_ = false;
    }
    // Only what preceded the batch (the schema version): Xapian 1.4 counts no documents
    // in a compaction whose first source was never committed.
    db_.commit();
    std::string why;
    const bool merged = rewrite(parts, why);
    std::filesystem::remove_all(records_path, ec);
    if (!merged)
        throw IndexError("cannot merge the parts of the new index " + path_.string() + ": " + why +
                         "; free some disk space (the merge needs about the index's size again) and index again");
}

bool IndexWriter::rewrite(const std::vector<std::filesystem::path>& parts, std::string& why) {
    namespace fs = std::filesystem;
    const fs::path target = fs::absolute(path_).lexically_normal();
    const fs::path tmp = compaction_dir(path_);
    std::error_code ec;
    fs::remove_all(tmp, ec);
    try {
        // A reader of the last commit; our write lock keeps it the last until the swap.
        Xapian::Database sources(path_.string());
        for (const fs::path& part : parts) sources.add_database(Xapian::Database(part.string()));
        // Parts number their units from 1 each: renumbered one after the other.
        IndexCompactor compactor;  // joins the parts' lists of forms under one stem
        sources.compact(tmp.string(), parts.empty() ? Xapian::DBCOMPACT_NO_RENUMBER : 0, 0, compactor);
    } catch (const Xapian::Error& e) {
        fs::remove_all(tmp, ec);
        why = e.get_description();
        return false;
    }
    // On disk before it is swapped in, and the swap on disk after. A sync that fails
    // (EIO, ENOSPC) means the copy may not be on disk: it is not swapped in.
    auto sync = [](const fs::path& p) {
        int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return false;
        const bool ok = ::fsync(fd) == 0;
        ::close(fd);
        return ok;
    };
    bool synced = true;
    for (const fs::directory_entry& entry : fs::directory_iterator(tmp, ec)) synced = sync(entry.path()) && synced;
    synced = !ec && sync(tmp) && synced;
    if (!synced) {
        why = std::string("cannot write the rewritten index to disk: ") + std::strerror(errno);
        fs::remove_all(tmp, ec);
        return false;
    }
    // One atomic step: the path names the compacted database, the old one moves aside.
    const fs::path live = target.filename().empty() ? target.parent_path() : target;
    if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, live.c_str(), RENAME_EXCHANGE) != 0) {
        why = std::string("cannot swap the rewritten index in: ") + std::strerror(errno);
        fs::remove_all(tmp, ec);
        return false;
    }
    sync(live.parent_path());
    db_.close();
    fs::remove_all(tmp, ec);
    try {
        db_ = Xapian::WritableDatabase(path_.string(), Xapian::DB_OPEN);
    } catch (const Xapian::Error&) {
        // Another run took the new database's lock: this writer is done anyway.
    }
    return true;
}

const Analyser& IndexWriter::analyser_for(const std::string& lang) {
    auto& slot = analysers_[lang];
    if (!slot) slot = std::make_unique<Analyser>(lang);
    return *slot;
}

namespace {

// The analyser of a unit: its own language when the text says so clearly (a French
// paragraph quoted in an English report), else its document's.
const Analyser& unit_analyser(const Unit& unit, const Analyser& document_analyser) {
    const std::string lang = analysis_language(unit.text, document_analyser.lang());
    if (lang == document_analyser.lang()) return document_analyser;
    // unit_document runs on worker threads; an Analyser is not thread-safe.
    thread_local std::map<std::string, std::unique_ptr<Analyser>> analysers;
    auto& slot = analysers[lang];
    if (!slot) slot = std::make_unique<Analyser>(lang);
    return *slot;
}

}  // namespace

Xapian::Document unit_document(const DocumentMeta& doc, const Unit& unit, const Analyser& document_analyser) {
    Xapian::Document xdoc;
    const Analyser& analyser = unit_analyser(unit, document_analyser);
    if (&analyser != &document_analyser) xdoc.add_boolean_term(schema::kUnitLang + analyser.lang());
    // The printed number ("31." of "31. Recognizes the ...", "(b)", "IV.") stands before
    // the text, as on the page, so a phrase copied with it is found; restored numbers
    // were not printed.
    Xapian::termpos start = 0;
    if (!unit.number.empty() && !unit.number_inferred && unit.kind != UnitKind::text &&
        unit.kind != UnitKind::recommendation)
        start = add_text_terms(xdoc, analyser, unit.number);
    if (unit.changes.empty() && unit.text.find("~~") == std::string::npos) {
        add_text_terms(xdoc, analyser, unit.text, start);
    } else {
        // Negotiated text: phrases read through the annotations ("joint or coordinated
        // [add: Indonesia] investigation teams"); the annotations' own words come after a
        // gap, so they are found but never join a phrase with the text.
        std::string reading = vocabulary::reading_text(unit.text);
        Xapian::termpos last = add_text_terms(xdoc, analyser, reading, start);
        add_text_terms(xdoc, analyser, vocabulary::annotation_words(unit.text), last + schema::kFieldGap);
    }

    // No term of its own for the unit's id: nothing looks it up (a unit is found by its
    // document and anchor), and one unique term per unit was 3% of the index.
    xdoc.add_boolean_term(schema::key(schema::kDocId, doc.id));
    xdoc.add_boolean_term(schema::key(schema::kAnchor, unit.anchor));
    if (!doc.symbol.empty()) xdoc.add_boolean_term(schema::key(schema::kSymbol, vocabulary::ascii_lower(doc.symbol)));
    for (const std::string& s : doc.other_symbols) xdoc.add_boolean_term(schema::key(schema::kSymbol, vocabulary::ascii_lower(s)));
    if (!doc.name.empty()) xdoc.add_boolean_term(schema::key(schema::kName, vocabulary::ascii_lower(doc.name)));
    xdoc.add_boolean_term(schema::key(schema::kLang, doc.lang));
    xdoc.add_boolean_term(schema::kKind + std::string(to_string(unit.kind)));
    if (!doc.type.empty()) xdoc.add_boolean_term(schema::key(schema::kType, doc.type));
    if (doc.date.size() >= 4) xdoc.add_boolean_term(schema::kYear + doc.date.substr(0, 4));
    if (doc.meeting_number > 0) xdoc.add_boolean_term(schema::kMeeting + std::to_string(doc.meeting_number));
    for (const std::string& symbol : unit.cites) xdoc.add_boolean_term(schema::key(schema::kCites, vocabulary::ascii_lower(symbol)));
    if (!unit.status.empty()) {
        xdoc.add_boolean_term(schema::key(schema::kStatus, unit.status));
        if (unit.status == "agreed as amended") xdoc.add_boolean_term(schema::kStatus + std::string("agreed"));
    }
    for (const std::string& c : unit.countries) xdoc.add_boolean_term(schema::key(schema::kCountry, vocabulary::ascii_lower(c)));
    if (!doc.body.empty()) xdoc.add_boolean_term(schema::key(schema::kBody, vocabulary::ascii_lower(doc.body)));

    std::string date_value;
    for (char c : doc.date)
        if (c != '-') date_value += c;
    xdoc.add_value(schema::kDateSlot, date_value);
    xdoc.add_value(schema::kSeqSlot, Xapian::sortable_serialise(unit.seq));
    xdoc.add_value(schema::kDocSlot, doc.id);
    xdoc.add_value(schema::kFacetsSlot, facets_value(doc, unit));
    xdoc.set_data(serialise_unit(doc.id, unit));
    return xdoc;
}

void IndexWriter::replace_document(const Document& doc) {
    std::vector<Xapian::Document> units;
    units.reserve(doc.units.size());
    for (const Unit& unit : doc.units) units.push_back(unit_document(doc.meta, unit, analyser_for(doc.meta.lang)));
    replace_document(doc.meta, std::move(units));
}

void IndexWriter::record_stem_forms(const std::string& document_lang, const std::vector<Xapian::Document>& units) {
    for (const Xapian::Document& unit : units) {
        // The language the unit's words were stemmed in (schema::kUnitLang).
        std::string lang = document_lang;
        auto l = unit.termlist_begin();
        l.skip_to(schema::kUnitLang);
        if (l != unit.termlist_end() && (*l).rfind(schema::kUnitLang, 0) == 0)
            lang = (*l).substr(std::string_view(schema::kUnitLang).size());
        std::unordered_set<std::string>& recorded = recorded_forms_[lang];
        for (auto t = unit.termlist_begin(); t != unit.termlist_end(); ++t) {
            std::string term = *t;
            // Prefixed terms (filters, fingerprints) start with a capital; exact ones never do.
            if (term[0] >= 'A' && term[0] <= 'Z') continue;
            auto [form, added] = recorded.insert(std::move(term));
            if (!added) continue;
            // The stem as the analyser of the document's language made it for the text.
            // A word in a script of its own (Cyrillic, Arabic) is stemmed in that script's
            // language whatever the unit's, as a query word is.
            const std::string form_lang = word_language(*form, lang);
            const std::string key = schema::kStemPrefix + analyser_for(form_lang).stem(*form);
            std::string forms = db_.get_metadata(key);
            if (add_stem_form(forms, *form)) db_.set_metadata(key, forms);
        }
    }
}

void IndexWriter::replace_document(const DocumentMeta& meta, std::vector<Xapian::Document> units) {
    remove_document(meta.id);
    // Every old unit of the document is gone, so new ones are added without a lookup.
    add_units(meta, units);
    db_.set_metadata(schema::key(schema::kDocKey, meta.id), to_json(meta).dump());
}

Xapian::docid IndexWriter::add_units(const DocumentMeta& meta, const std::vector<Xapian::Document>& units) {
    record_stem_forms(meta.lang, units);
    Xapian::docid first = 0;
    size_t added = 0;
    try {
        for (const Xapian::Document& unit : units) {
            Xapian::docid id = db_.add_document(unit);
            if (first == 0) first = id;
            ++added;
        }
    } catch (const Xapian::DatabaseError&) {
        throw;  // the database itself failed (I/O): the run stops, nothing to undo here
    } catch (...) {
        // All of a document or none of it: a part keeps no units without their record.
        try {
            for (size_t k = 0; k < added; ++k) db_.delete_document(first + static_cast<Xapian::docid>(k));
        } catch (const Xapian::Error&) {
            std::throw_with_nested(IndexError("cannot undo a document's units in " + path_.string()));
        }
        throw;
    }
    return first;
}

void IndexWriter::remove_document(const std::string& doc_id) {
    db_.delete_document(schema::key(schema::kDocId, doc_id));
    db_.set_metadata(schema::key(schema::kDocKey, doc_id), "");
}

std::optional<FileRecord> IndexWriter::file_record(const std::string& path) const {
    std::string data = db_.get_metadata(schema::key(schema::kFileKey, path));
    if (data.empty()) return std::nullopt;
    return record_from_json(data);
}

void IndexWriter::set_file_record(const std::string& path, const FileRecord& record) {
    db_.set_metadata(schema::key(schema::kFileKey, path), record_to_json(path, record).dump());
}

void IndexWriter::remove_file_record(const std::string& path) { db_.set_metadata(schema::key(schema::kFileKey, path), ""); }

std::map<std::string, FileRecord> IndexWriter::file_records() const {
    std::map<std::string, FileRecord> out;
    const std::string prefix = schema::kFileKey;
    for (auto it = db_.metadata_keys_begin(prefix); it != db_.metadata_keys_end(prefix); ++it) {
        std::string key = *it;
        std::string data = db_.get_metadata(key);
        if (data.empty()) continue;
        nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
        std::string path = j.is_object() ? j.value("path", "") : "";
        out.emplace(path.empty() ? key.substr(prefix.size()) : path, record_from_json(data));
    }
    return out;
}

void IndexWriter::begin_batch() {
    if (in_batch_) return;
    db_.begin_transaction(true);  // flushed: the commit is durable
    in_batch_ = true;
}

void IndexWriter::commit_batch() {
    if (!in_batch_) return;
    db_.commit_transaction();
    in_batch_ = false;
}

}  // namespace verbatim
