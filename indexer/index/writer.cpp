#include "indexer/index/writer.h"

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>

#include "analysis/shingles.h"
#include "indexer/index/unit_record.h"
#include "indexer/structure/annotations.h"
#include "model/schema.h"

namespace verbatim {

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Xapian terms are limited in length; identity terms longer than this are hashed.
std::string bounded_term(const std::string& prefix, const std::string& value) {
    std::string term = prefix + value;
    if (term.size() <= 200) return term;
    return prefix + value.substr(0, 160) + content_hash(value);
}

nlohmann::json record_to_json(const FileRecord& r) {
    return {{"size", r.size}, {"mtime_ns", r.mtime_ns}, {"hash", r.hash},
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
    // The words as text reuse sees them (reuse_keys: stems, compounds by their parts),
    // from the stems made here: each word is stemmed once.
    std::vector<std::string> keys;
    keys.reserve(tokens.size());
    std::string stem_term = schema::kStemPrefix;
    for (const Token& token : tokens) {
        xdoc.add_posting(token.term, base + token.position);
        std::string stem = analyser.stem(token.term);
        stem_term.resize(std::char_traits<char>::length(schema::kStemPrefix));
        stem_term += stem;
        xdoc.add_term(stem_term);
        if (token.role != Token::Role::joined) keys.push_back(std::move(stem));
    }
    // Fingerprints for finding reused wording (agreed language, quotations).
    for (uint64_t h : winnow(shingle_hashes(keys))) xdoc.add_boolean_term(shingle_term(h));
    return tokens.empty() ? base : base + tokens.back().position;
}

// The folder a database is compacted into before the swap: hidden, beside it (so the
// swap is a rename within one file system), never taken for a shard ("shard-*").
static std::filesystem::path compaction_dir(const std::filesystem::path& db) {
    std::filesystem::path p = std::filesystem::absolute(db).lexically_normal();
    if (p.filename().empty()) p = p.parent_path();
    return p.parent_path() / ("." + p.filename().string() + ".compacting");
}

IndexWriter::IndexWriter(const std::filesystem::path& path) : path_(path) {
    std::error_code ec;
    created_ = !std::filesystem::exists(path / "iamglass", ec);
    try {
        db_ = Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN);
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
    // A compaction cut short (the process was killed) left its copy: the lock we hold says
    // no one is using it.
    std::filesystem::remove_all(compaction_dir(path), ec);
}

void IndexWriter::compact() {
    if (in_batch_) return;
    namespace fs = std::filesystem;
    const fs::path target = fs::absolute(path_).lexically_normal();
    const fs::path tmp = compaction_dir(path_);
    std::error_code ec;
    fs::remove_all(tmp, ec);
    try {
        db_.commit();
        // A reader of the last commit; our write lock keeps it the last until the swap.
        Xapian::Database(path_.string()).compact(tmp.string(), Xapian::DBCOMPACT_NO_RENUMBER);
    } catch (const Xapian::Error&) {
        fs::remove_all(tmp, ec);  // compacting is an optimisation: the index stays as it is
        return;
    }
    // On disk before it is swapped in, and the swap on disk after.
    auto sync = [](const fs::path& p) {
        int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0) ::fsync(fd), ::close(fd);
    };
    for (const fs::directory_entry& entry : fs::directory_iterator(tmp, ec)) sync(entry.path());
    sync(tmp);
    // One atomic step: the path names the compacted database, the old one moves aside.
    const fs::path live = target.filename().empty() ? target.parent_path() : target;
    if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, live.c_str(), RENAME_EXCHANGE) != 0) {
        fs::remove_all(tmp, ec);  // a file system without the exchange: keep the old one
        return;
    }
    sync(live.parent_path());
    db_.close();
    fs::remove_all(tmp, ec);
    try {
        db_ = Xapian::WritableDatabase(path_.string(), Xapian::DB_OPEN);
    } catch (const Xapian::Error&) {
        // Another run took the new database's lock: this writer is done anyway.
    }
}

const Analyser& IndexWriter::analyser_for(const std::string& lang) {
    auto& slot = analysers_[lang];
    if (!slot) slot = std::make_unique<Analyser>(lang);
    return *slot;
}

Xapian::Document unit_document(const DocumentMeta& doc, const Unit& unit, const Analyser& analyser) {
    Xapian::Document xdoc;
    if (unit.changes.empty() && unit.text.find("~~") == std::string::npos) {
        add_text_terms(xdoc, analyser, unit.text);
    } else {
        // Negotiated text: phrases read through the annotations ("joint or coordinated
        // [add: Indonesia] investigation teams"); the annotations' own words come after a
        // gap, so they are found but never join a phrase with the text.
        std::string reading = reading_text(unit.text);
        Xapian::termpos last = add_text_terms(xdoc, analyser, reading);
        add_text_terms(xdoc, analyser, annotation_words(unit.text), last + schema::kFieldGap);
    }

    const std::string id = unit_id(doc, unit);
    xdoc.add_boolean_term(bounded_term(schema::kUnitId, id));
    xdoc.add_boolean_term(bounded_term(schema::kDocId, doc.id));
    xdoc.add_boolean_term(bounded_term(schema::kAnchor, unit.anchor));
    if (!doc.symbol.empty()) xdoc.add_boolean_term(bounded_term(schema::kSymbol, lower(doc.symbol)));
    for (const std::string& s : doc.other_symbols) xdoc.add_boolean_term(bounded_term(schema::kSymbol, lower(s)));
    if (!doc.name.empty()) xdoc.add_boolean_term(bounded_term(schema::kName, lower(doc.name)));
    xdoc.add_boolean_term(schema::kLang + doc.lang);
    xdoc.add_boolean_term(schema::kKind + std::string(to_string(unit.kind)));
    if (!doc.type.empty()) xdoc.add_boolean_term(schema::kType + doc.type);
    if (doc.date.size() >= 4) xdoc.add_boolean_term(schema::kYear + doc.date.substr(0, 4));
    if (doc.meeting_number > 0) xdoc.add_boolean_term(schema::kMeeting + std::to_string(doc.meeting_number));
    for (const std::string& symbol : unit.cites) xdoc.add_boolean_term(bounded_term(schema::kCites, lower(symbol)));
    if (!unit.status.empty()) {
        xdoc.add_boolean_term(schema::kStatus + unit.status);
        if (unit.status == "agreed as amended") xdoc.add_boolean_term(schema::kStatus + std::string("agreed"));
    }
    std::string countries;
    for (const std::string& c : unit.countries) {
        xdoc.add_boolean_term(bounded_term(schema::kCountry, lower(c)));
        countries += (countries.empty() ? "" : "\x1f") + c;
    }
    if (!doc.body.empty()) xdoc.add_boolean_term(bounded_term(schema::kBody, lower(doc.body)));

    std::string date_value;
    for (char c : doc.date)
        if (c != '-') date_value += c;
    xdoc.add_value(schema::kDateSlot, date_value);
    xdoc.add_value(schema::kSeqSlot, Xapian::sortable_serialise(unit.seq));
    xdoc.add_value(schema::kDocSlot, doc.id);
    if (doc.date.size() >= 4) xdoc.add_value(schema::kYearSlot, doc.date.substr(0, 4));
    if (!doc.meeting.empty()) xdoc.add_value(schema::kMeetingSlot, doc.meeting);
    if (!doc.type.empty()) xdoc.add_value(schema::kTypeSlot, doc.type);
    if (!unit.status.empty()) xdoc.add_value(schema::kStatusSlot, unit.status);
    if (!countries.empty()) xdoc.add_value(schema::kCountrySlot, countries);
    xdoc.add_value(schema::kLangSlot, doc.lang);
    xdoc.set_data(serialise_unit(doc.id, unit));
    return xdoc;
}

void IndexWriter::replace_document(const Document& doc) {
    std::vector<Xapian::Document> units;
    units.reserve(doc.units.size());
    for (const Unit& unit : doc.units) units.push_back(unit_document(doc.meta, unit, analyser_for(doc.meta.lang)));
    replace_document(doc.meta, std::move(units));
}

void IndexWriter::replace_document(const DocumentMeta& meta, std::vector<Xapian::Document> units) {
    remove_document(meta.id);
    // Every old unit of the document is gone, so new ones are added without a lookup.
    for (const Xapian::Document& unit : units) db_.add_document(unit);
    db_.set_metadata(schema::kDocKey + meta.id, to_json(meta).dump());
}

void IndexWriter::remove_document(const std::string& doc_id) {
    db_.delete_document(bounded_term(schema::kDocId, doc_id));
    db_.set_metadata(schema::kDocKey + doc_id, "");
}

std::optional<FileRecord> IndexWriter::file_record(const std::string& path) const {
    std::string data = db_.get_metadata(schema::kFileKey + path);
    if (data.empty()) return std::nullopt;
    return record_from_json(data);
}

void IndexWriter::set_file_record(const std::string& path, const FileRecord& record) {
    db_.set_metadata(schema::kFileKey + path, record_to_json(record).dump());
}

void IndexWriter::remove_file_record(const std::string& path) { db_.set_metadata(schema::kFileKey + path, ""); }

std::map<std::string, FileRecord> IndexWriter::file_records() const {
    std::map<std::string, FileRecord> out;
    const std::string prefix = schema::kFileKey;
    for (auto it = db_.metadata_keys_begin(prefix); it != db_.metadata_keys_end(prefix); ++it) {
        std::string key = *it;
        std::string data = db_.get_metadata(key);
        if (!data.empty()) out.emplace(key.substr(prefix.size()), record_from_json(data));
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
