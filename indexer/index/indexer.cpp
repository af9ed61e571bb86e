#include "indexer/index/indexer.h"

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <system_error>
#include <thread>

#include "indexer/extract/extract.h"
#include "indexer/extract/text_layout.h"
#include "indexer/index/parts.h"
#include "indexer/index/pipeline.h"
#include "indexer/index/shards.h"
#include "indexer/index/walk.h"
#include "indexer/index/writer.h"
#include "indexer/structure/document_builder.h"
#include "indexer/structure/manifest.h"

namespace verbatim {

namespace fs = std::filesystem;

namespace {

// A citable unit is a paragraph: one of megabytes is a dump without breaks, and one
// Xapian document of it would hold millions of positions.
constexpr size_t kMaxUnitBytes = size_t{16} << 20;

// Finds and caches the manifest that governs a file: manifest.ini in its folder or
// the nearest folder above it.
class ManifestFinder {
  public:
    explicit ManifestFinder(std::function<void(const Problem&)> report) : report_(std::move(report)) {}

    const ManifestEntry* entry_for(const fs::path& file) {
        for (fs::path dir = file.parent_path();; dir = dir.parent_path()) {
            if (const Manifest* m = manifest_in(dir)) return m->find(file);
            if (dir == dir.root_path() || dir.empty()) return nullptr;
        }
    }

  private:
    const Manifest* manifest_in(const fs::path& dir) {
        auto it = cache_.find(dir);
        if (it != cache_.end()) return it->second ? &*it->second : nullptr;
        std::optional<Manifest> found;
        fs::path candidate = dir / kManifestFileName;
        std::error_code ec;
        if (fs::is_regular_file(candidate, ec)) {
            auto bytes = read_file_bytes(candidate, size_t{1} << 20);  // a manifest is a few lines a file
            if (auto* text = std::get_if<std::string>(&bytes)) {
                auto parsed = parse_manifest(*text, candidate.string());
                if (auto* m = std::get_if<Manifest>(&parsed)) found = std::move(*m);
                else report_(std::get<Problem>(parsed));
            } else {
                report_(std::get<Problem>(bytes));
            }
        }
        auto& slot = cache_[dir];
        slot = std::move(found);
        return slot ? &*slot : nullptr;
    }

    std::function<void(const Problem&)> report_;
    std::map<fs::path, std::optional<Manifest>> cache_;
};

std::string manifest_fingerprint(const ManifestEntry* entry) {
    if (!entry) return "";
    std::string s;
    for (const auto& [k, v] : entry->fields) s += k + "=" + v + "\n";
    return content_hash(s);
}

// When two files give one document, the PDF wins: it carries the printed pages.
int format_rank(const std::string& path) { return source_format(path) == SourceFormat::pdf ? 2 : 1; }

// Of two files that give one document, true when `a` is the one indexed: the PDF, else
// the first by name. A strict order, so the winner among many is the same in any order.
bool provides_before(const std::string& a, const std::string& b) {
    return format_rank(a) > format_rank(b) || (format_rank(a) == format_rank(b) && a < b);
}

// For a parallel build: the best file seen so far for each document, so that a worker
// does not write units the main thread will drop (copies of one report, a text and its
// PDF). Only an optimisation: a file found better later still replaces what was written.
class BestProviders {
  public:
    // True when `path` is the best file yet for `doc_id` (and is now remembered as such).
    bool claim(const std::string& doc_id, const std::string& path) {
        std::lock_guard lock(mutex_);
        auto [it, added] = best_.try_emplace(doc_id, path);
        if (added) return true;
        if (!provides_before(path, it->second)) return false;
        it->second = path;
        return true;
    }

  private:
    std::mutex mutex_;
    std::map<std::string, std::string> best_;
};

bool under_any(const std::string& path, const std::vector<fs::path>& roots) {
    for (const fs::path& root : roots) {
        std::string r = root.string();
        if (path == r || (path.size() > r.size() && path.compare(0, r.size(), r) == 0 &&
                          (r.back() == '/' || path[r.size()] == '/')))
            return true;
    }
    return false;
}

int64_t mtime_ns(const fs::path& p, std::error_code& ec) {
    auto t = fs::last_write_time(p, ec);
    return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

}  // namespace

IndexSummary run_index(const IndexOptions& options, const IndexCallbacks& callbacks) {
    IndexSummary summary;
    auto report = [&](const Problem& p) {
        summary.problems.push_back(p);
        if (callbacks.on_problem) callbacks.on_problem(p);
    };

    // Xapian buffers a writer's changes until this many documents: with units as small as
    // paragraphs, 500 keeps its maps in the CPU's cache (a quarter less CPU on ungdc than
    // the default 10,000, and a third of the memory). Read when a database opens; a
    // value set by the user wins. Set before any thread starts: setenv is not thread-safe.
    ::setenv("XAPIAN_FLUSH_THRESHOLD", "500", 0);
    std::unique_ptr<IndexSink> sink = open_index(options.db, options.shard_by);
    IndexSink& writer = *sink;
    WalkResult walk = walk_inputs(options.paths);
    for (const Problem& p : walk.problems) report(p);
    summary.skipped += walk.problems.size();  // inputs given or found that cannot be read
    summary.files = walk.files.size();

    std::vector<fs::path> roots;
    for (const fs::path& p : options.paths) {
        std::error_code ec;
        roots.push_back(fs::absolute(p, ec).lexically_normal());
    }
    std::map<std::string, FileRecord> known = writer.file_records();
    const bool had_records = !known.empty();
    // doc id -> the file that provides it (best ranked), over this run and earlier ones
    std::map<std::string, std::string> provider;
    for (const auto& [path, record] : known)
        if (!record.merged && !record.doc_id.empty()) provider.emplace(record.doc_id, path);

    ManifestFinder manifests(report);
    IndexProgress progress;
    progress.files_total = walk.files.size();
    for (const fs::path& f : walk.files) {
        std::error_code ec;
        progress.bytes_total += fs::file_size(f, ec);
    }

    // Files that disappeared from the folders indexed: their documents go too, unless
    // another file still provides them (a merged twin is then indexed in its place).
    writer.begin_batch();
    for (auto it = known.begin(); it != known.end();) {
        const auto& [path, record] = *it;
        std::error_code ec;
        if (!under_any(path, roots) || (fs::exists(path, ec) && source_format(path) != SourceFormat::unsupported)) {
            ++it;
            continue;
        }
        writer.remove_file_record(path);
        ++summary.removed;
        if (!record.merged && provider[record.doc_id] == path) {
            writer.remove_document(record.doc_id);
            provider.erase(record.doc_id);
            for (auto& [twin_path, twin] : known)
                if (twin.merged && twin.doc_id == record.doc_id) twin.hash.clear(), twin.size = 0;
        }
        it = known.erase(it);
    }

    // What each file needs: unchanged by size and time stamp (nothing to read), or read.
    struct Pending {
        fs::path file;
        std::string path;
        uint64_t size = 0;
        int64_t mtime = 0;
        const ManifestEntry* entry = nullptr;
        std::string manifest_hash;
        std::optional<FileRecord> old;
        std::string stat_error;
        bool unchanged = false;
    };
    std::vector<Pending> pending;
    pending.reserve(walk.files.size());
    for (fs::path& walked : walk.files) {
        Pending p;
        p.path = walked.string();
        p.file = std::move(walked);
        const fs::path& file = p.file;
        std::error_code ec;
        p.size = fs::file_size(file, ec);
        p.mtime = ec ? 0 : mtime_ns(file, ec);
        if (ec) p.stat_error = ec.message();
        p.entry = manifests.entry_for(file);
        p.manifest_hash = manifest_fingerprint(p.entry);
        if (auto it = known.find(p.path); it != known.end()) p.old = std::move(it->second);
        p.unchanged = p.stat_error.empty() && p.old && p.old->size == p.size && p.old->mtime_ns == p.mtime &&
                      p.old->manifest_hash == p.manifest_hash;
        pending.push_back(std::move(p));
    }
    walk.files = {};  // moved into `pending`, as were the records in `known`
    known.clear();

    // Reading, extracting, structuring and analysing run on worker threads; the Xapian
    // writer stays on this thread and sees the files in order, so results are the same
    // whatever the timing.
    struct Prepared {
        std::optional<Problem> problem;  // the file is skipped
        std::string hash;
        bool same_bytes = false;         // content hash unchanged: nothing to re-index
        std::optional<Document> doc;
        std::vector<Xapian::Document> units;
        PartWriters::Placement placed;   // a parallel build: where the units went instead
    };
    // One worker per core beside the writer's thread; a window of files keeps memory flat.
    size_t cores = std::max(1u, std::thread::hardware_concurrency());
    size_t workers = options.threads > 0 ? options.threads : cores;
    // A new index is written by every worker at once (index/parts.h).
    std::unique_ptr<PartWriters> parts;
    // Only into an index that holds nothing yet, records included: the merge keeps the
    // index's committed metadata before the run's.
    IndexWriter* plain = dynamic_cast<IndexWriter*>(&writer);  // null: sharded
    if (plain && plain->created() && !had_records && workers > 1 && pending.size() > workers)
        parts = std::make_unique<PartWriters>(options.db, workers);
    BestProviders best_providers;

    auto prepare_file = [&](size_t i, size_t worker) -> Prepared {
        const Pending& p = pending[i];
        Prepared out;
        if (!p.stat_error.empty() || p.unchanged) return out;
        auto bytes = read_file_bytes(p.file, options.max_file_bytes);
        if (auto* problem = std::get_if<Problem>(&bytes)) {
            out.problem = *problem;
            return out;
        }
        const std::string& content = std::get<std::string>(bytes);
        out.hash = content_hash(content);
        if (p.old && p.old->hash == out.hash && p.old->manifest_hash == p.manifest_hash && !p.old->merged) {
            out.same_bytes = true;
            return out;
        }
        auto extracted = extract_bytes(content, p.file, options.pdf);
        if (auto* problem = std::get_if<Problem>(&extracted)) {
            out.problem = *problem;
            return out;
        }
        Document doc = build_document(std::get<ExtractedText>(extracted), p.path, p.entry);
        for (const Unit& unit : doc.units)
            if (unit.text.size() > kMaxUnitBytes) {
                out.problem = Problem{p.path, unit.page_first,
                                      "a passage of " + std::to_string(unit.text.size() >> 20) +
                                          " MB without a paragraph break, more than the limit of " +
                                          std::to_string(kMaxUnitBytes >> 20) + " MB per unit: not running text; skipped"};
                return out;
            }
        thread_local std::map<std::string, std::unique_ptr<Analyser>> analysers;
        auto& analyser = analysers[doc.meta.lang];
        if (!analyser) analyser = std::make_unique<Analyser>(doc.meta.lang);
        out.units.reserve(doc.units.size());
        for (const Unit& unit : doc.units) out.units.push_back(unit_document(doc.meta, unit, *analyser));
        // Units of a document a better file already gives stay here, unwritten: the main
        // thread drops them, or, should this file win after all (the better one vanished),
        // writes them into the index itself.
        if (parts && best_providers.claim(doc.meta.id, p.path)) {
            out.placed = parts->add(worker, doc.meta, out.units);
            out.units.clear();
        }
        out.doc = std::move(doc);
        return out;
    };
    // The stage boundary: whatever a file makes the code above do, throw included (a
    // number out of range, memory, a bug), costs that file only.
    auto prepare = [&](size_t i, size_t worker) -> Prepared {
        Prepared out;
        try {
            return prepare_file(i, worker);
        } catch (const std::bad_alloc&) {
            out.problem = Problem{pending[i].path, 0, "out of memory while reading it; skipped"};
        } catch (const Xapian::DatabaseError&) {
            throw;  // writing a part failed (a full disk, an I/O error): the index's, not the file's
        } catch (const IndexError&) {
            throw;
        } catch (const Xapian::Error& e) {
            out.problem = Problem{pending[i].path, 0, "cannot index it: " + e.get_description()};
        } catch (const std::exception& e) {
            out.problem = Problem{pending[i].path, 0, std::string("cannot index it (internal error: ") + e.what() + ")"};
        } catch (...) {
            out.problem = Problem{pending[i].path, 0, "cannot index it (internal error)"};
        }
        return out;
    };

    size_t in_batch = 0;
    auto consume = [&](size_t i, Prepared&& prepared) {
        const Pending& p = pending[i];
        const std::string& path = p.path;
        progress.current = path;
        auto finish_file = [&] {
            ++progress.files_done;
            progress.bytes_done += p.size;
            if (callbacks.on_progress) callbacks.on_progress(progress);
            // A parallel build commits once, at the end, when its parts are merged.
            if (!parts && ++in_batch >= options.batch_files) {
                writer.commit_batch();
                writer.begin_batch();
                in_batch = 0;
            }
        };
        if (!p.stat_error.empty()) {
            report({path, 0, "cannot read: " + p.stat_error});
            ++summary.skipped;
            return finish_file();
        }
        if (p.unchanged) {
            ++summary.unchanged;
            return finish_file();
        }
        if (prepared.problem) {
            report(*prepared.problem);  // a file that breaks keeps what was indexed of it before
            ++summary.skipped;
            return finish_file();
        }
        if (prepared.same_bytes) {
            FileRecord touched = *p.old;  // same bytes, new time stamp: remember it
            touched.size = p.size;
            touched.mtime_ns = p.mtime;
            writer.set_file_record(path, touched);
            ++summary.unchanged;
            return finish_file();
        }
        Document& doc = *prepared.doc;
        for (const Problem& problem : doc.problems) report(problem);
        if (doc.units.empty()) {
            report({path, 0, "no text found to index"});
            ++summary.skipped;
            return finish_file();
        }

        FileRecord record{p.size, p.mtime, prepared.hash, p.manifest_hash, doc.meta.id, false};
        // The file used to give another document: that one goes unless someone else gives it.
        if (p.old && !p.old->merged && p.old->doc_id != doc.meta.id && provider[p.old->doc_id] == path) {
            writer.remove_document(p.old->doc_id);
            if (parts) parts->drop(p.old->doc_id);
            provider.erase(p.old->doc_id);
        }
        auto other = provider.find(doc.meta.id);
        if (other != provider.end() && other->second != path) {
            const std::string rival = other->second;
            std::error_code ec;
            bool rival_alive = fs::exists(rival, ec);
            bool rival_better = provides_before(rival, path);
            summary.merged.push_back(fs::path(path).filename().string() + " and " +
                                     fs::path(rival).filename().string() + " are one document (" +
                                     document_reference(doc.meta) + ")");
            if (rival_alive && rival_better) {
                if (parts) parts->drop(prepared.placed);
                record.merged = true;
                writer.set_file_record(path, record);
                ++summary.indexed;
                return finish_file();
            }
            if (auto r = writer.file_record(rival)) {  // the rival now defers to this file
                r->merged = true;
                writer.set_file_record(rival, *r);
            }
        }
        if (parts) parts->keep(doc.meta.id, prepared.placed);
        writer.replace_document(doc.meta, std::move(prepared.units));  // in parts: none, or unwritten ones
        provider[doc.meta.id] = path;
        writer.set_file_record(path, record);
        ++summary.indexed;
        summary.units += doc.units.size();
        finish_file();
    };
    ordered_parallel<Prepared>(pending.size(), workers, 4 * workers + 8, prepare, consume);

    if (parts) {
        parts->merge_into(*plain);
        return summary;
    }
    writer.commit_batch();
    // A new index is written in batches, which leave its B-trees half full: rewritten
    // compactly it is half the size (a few seconds per GB). Later runs change little.
    if (summary.indexed > 0)
        if (std::string why = writer.compact_created(); !why.empty())
            report({options.db.string(), 0, "the index is complete but could not be compacted (" + why + ")"});
    return summary;
}

}  // namespace verbatim
