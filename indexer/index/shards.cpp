#include "indexer/index/shards.h"

#include <cctype>
#include <fstream>
#include <set>

#include "model/parse_number.h"

namespace verbatim {

namespace fs = std::filesystem;

namespace {

constexpr const char* kStub = "verbatim.stub";           // as query/search/shards.h
constexpr const char* kSchemeLine = "# verbatim shard-by "; // first line of the stub

bool is_count(const std::string& s) {
    return s.size() <= 4 && parse_number<int>(s, 1, 9999).has_value();
}

// The scheme a sharded folder was written with, empty when the folder is not sharded.
std::string recorded_scheme(const fs::path& db) {
    std::ifstream in(db / kStub);
    std::string line;
    if (!in || !std::getline(in, line) || line.rfind(kSchemeLine, 0) != 0) return {};
    return line.substr(std::string(kSchemeLine).size());
}

std::string slug(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
        else if (!out.empty() && out.back() != '-') out += '-';
        if (out.size() >= 60) break;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

}  // namespace

std::string check_shard_scheme(const std::string& scheme) {
    if (scheme.empty() || scheme == "year" || scheme == "body" || is_count(scheme)) return {};
    return "--shard-by takes year, body or a number of shards (1-9999), not '" + scheme + "'";
}

std::string shard_name(const std::string& scheme, const DocumentMeta& meta) {
    if (scheme == "year") {
        std::string year = meta.date.substr(0, 4);
        bool dated = year.size() == 4 && year.find_first_not_of("0123456789") == std::string::npos;
        return "shard-" + (dated ? year : std::string("undated"));
    }
    if (scheme == "body") {
        std::string s = slug(meta.body);
        return "shard-" + (s.empty() ? std::string("other") : s);
    }
    // A stable hash of the id: the same document lands in the same shard on every run.
    uint64_t h = parse_number<uint64_t>(content_hash(meta.id), 0, UINT64_MAX, 16).value_or(0);
    return "shard-" + std::to_string(h % parse_number<uint64_t>(scheme, 1, 9999).value_or(1));
}

std::unique_ptr<IndexSink> open_index(const fs::path& db, const std::string& scheme) {
    if (std::string e = check_shard_scheme(scheme); !e.empty()) throw IndexError(e);
    if (scheme.empty() && recorded_scheme(db).empty()) return std::make_unique<IndexWriter>(db);
    return std::make_unique<ShardedWriter>(db, scheme);
}

ShardedWriter::ShardedWriter(const fs::path& db, const std::string& scheme) : db_(db) {
    if (std::string e = check_shard_scheme(scheme); !e.empty()) throw IndexError(e);
    std::error_code ec;
    const std::string recorded = recorded_scheme(db);
    if (!scheme.empty() && !recorded.empty() && scheme != recorded)
        throw IndexError("the index " + db.string() + " is sharded by " + recorded + ", not " + scheme +
                         "; index into a new folder to change how it is split");
    if (!scheme.empty() && recorded.empty() && fs::exists(db / "iamglass", ec))
        throw IndexError("the index " + db.string() + " is one database, not sharded; index into a new folder to shard");
    scheme_ = scheme.empty() ? recorded : scheme;
    if (scheme_.empty()) throw IndexError("the index " + db.string() + " is not sharded: give --shard-by to shard it");
    fs::create_directories(db, ec);
    if (ec) throw IndexError("cannot create the index folder " + db.string() + ": " + ec.message());
    for (const auto& entry : fs::directory_iterator(db, ec))
        if (entry.is_directory() && entry.path().filename().string().rfind("shard-", 0) == 0)
            shard(entry.path().filename().string());
    repair_duplicates();
}

void ShardedWriter::repair_duplicates() {
    // Shards commit one by one: a run that failed after a moved document's new shard
    // committed and before its old one did leaves the document (and its file's record)
    // in both. Such a document leaves every shard with its records, so this run indexes
    // its file again, into the one shard it belongs to.
    std::map<std::string, std::set<std::string>> shards_of;  // doc id -> shards that record it
    std::map<std::string, std::set<std::string>> file_shards;
    for (const auto& [name, writer] : shards_)
        for (const auto& [path, record] : writer->file_records()) {
            file_shards[path].insert(name);
            if (!record.merged && !record.doc_id.empty()) shards_of[record.doc_id].insert(name);
        }
    std::set<std::string> twice;
    for (const auto& [doc, names] : shards_of)
        if (names.size() > 1) twice.insert(doc);
    std::set<std::string> paths;
    for (const auto& [name, writer] : shards_)
        for (const auto& [path, record] : writer->file_records())
            if (twice.count(record.doc_id) || file_shards[path].size() > 1) paths.insert(path);
    if (paths.empty()) return;
    for (const auto& [name, writer] : shards_) {
        for (const std::string& doc : twice) writer->remove_document(doc);
        for (const std::string& path : paths) {
            if (auto r = writer->file_record(path); r && !r->merged) writer->remove_document(r->doc_id);
            writer->remove_file_record(path);
        }
        writer->commit();
    }
    file_shard_.clear();
    doc_shard_.clear();
    for (const auto& [name, writer] : shards_)
        for (const auto& [path, record] : writer->file_records()) {
            file_shard_[path] = name;
            if (!record.merged && !record.doc_id.empty()) doc_shard_[record.doc_id] = name;
        }
}

IndexWriter& ShardedWriter::shard(const std::string& name) {
    auto& slot = shards_[name];
    if (!slot) {
        slot = std::make_unique<IndexWriter>(db_ / name);
        if (in_batch_) slot->begin_batch();
        for (const auto& [path, record] : slot->file_records()) {
            file_shard_[path] = name;
            if (!record.merged && !record.doc_id.empty()) doc_shard_[record.doc_id] = name;
        }
    }
    return *slot;
}

void ShardedWriter::replace_document(const DocumentMeta& meta, std::vector<Xapian::Document> units) {
    const std::string target = shard_name(scheme_, meta);
    // Its key changed (a new date, a new body): it leaves its old shard.
    if (auto it = doc_shard_.find(meta.id); it != doc_shard_.end() && it->second != target)
        shard(it->second).remove_document(meta.id);
    shard(target).replace_document(meta, std::move(units));
    doc_shard_[meta.id] = target;
}

void ShardedWriter::remove_document(const std::string& doc_id) {
    auto it = doc_shard_.find(doc_id);
    if (it != doc_shard_.end()) {
        shard(it->second).remove_document(doc_id);
        doc_shard_.erase(it);
        return;
    }
    for (auto& [name, writer] : shards_) writer->remove_document(doc_id);
}

std::optional<FileRecord> ShardedWriter::file_record(const std::string& path) const {
    auto it = file_shard_.find(path);
    if (it != file_shard_.end()) return shards_.at(it->second)->file_record(path);
    for (const auto& [name, writer] : shards_)
        if (auto r = writer->file_record(path)) return r;
    return std::nullopt;
}

void ShardedWriter::set_file_record(const std::string& path, const FileRecord& record) {
    std::string target;
    if (auto d = doc_shard_.find(record.doc_id); d != doc_shard_.end()) target = d->second;
    else if (auto f = file_shard_.find(path); f != file_shard_.end()) target = f->second;
    else if (!shards_.empty()) target = shards_.begin()->first;
    else {
        DocumentMeta meta;
        meta.id = record.doc_id;
        target = shard_name(scheme_, meta);
    }
    if (auto f = file_shard_.find(path); f != file_shard_.end() && f->second != target)
        shard(f->second).remove_file_record(path);
    shard(target).set_file_record(path, record);
    file_shard_[path] = target;
}

void ShardedWriter::remove_file_record(const std::string& path) {
    auto f = file_shard_.find(path);
    if (f == file_shard_.end()) return;
    shard(f->second).remove_file_record(path);
    file_shard_.erase(f);
}

std::map<std::string, FileRecord> ShardedWriter::file_records() const {
    std::map<std::string, FileRecord> out;
    for (const auto& [name, writer] : shards_)
        for (auto& [path, record] : writer->file_records()) out.emplace(path, std::move(record));
    return out;
}

void ShardedWriter::begin_batch() {
    in_batch_ = true;
    for (auto& [name, writer] : shards_) writer->begin_batch();
}

void ShardedWriter::commit_batch() {
    for (auto& [name, writer] : shards_) writer->commit_batch();
    in_batch_ = false;
    write_stub();
}

std::string ShardedWriter::compact_created() {
    if (in_batch_) return {};
    std::string why;
    for (auto& [name, writer] : shards_)
        if (std::string w = writer->compact_created(); !w.empty() && why.empty()) why = w;
    return why;
}

void ShardedWriter::write_stub() const {
    // Written whole then renamed: a reader never sees half a list.
    const fs::path tmp = db_ / (std::string(kStub) + ".tmp");
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << kSchemeLine << scheme_ << "\n";
        for (const auto& [name, writer] : shards_) out << "auto " << name << "\n";
        if (!out.flush()) throw IndexError("cannot write " + tmp.string());
    }
    std::error_code ec;
    fs::rename(tmp, db_ / kStub, ec);
    if (ec) throw IndexError("cannot write " + (db_ / kStub).string() + ": " + ec.message());
}

}  // namespace verbatim
