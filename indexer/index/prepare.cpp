#include "indexer/index/prepare.h"

#include <map>
#include <memory>
#include <new>

#include "analysis/analyser.h"
#include "indexer/extract/extract.h"
#include "indexer/index/writer.h"
#include "indexer/structure/document_builder.h"

namespace verbatim {

namespace {

std::optional<Problem> oversized_unit(const Document& doc, const std::string& path) {
    for (const Unit& unit : doc.units)
        if (unit.text.size() > kMaxUnitBytes)
            return Problem{path, unit.page_first,
                           "a passage of " + std::to_string(unit.text.size() >> 20) +
                               " MB without a paragraph break, more than the limit of " +
                               std::to_string(kMaxUnitBytes >> 20) + " MB per unit: not running text; skipped"};
    return std::nullopt;
}

// One analyser per language and thread: building one loads ICU's rules.
const Analyser& analyser_for(const std::string& lang) {
    thread_local std::map<std::string, std::unique_ptr<Analyser>> analysers;
    auto& analyser = analysers[lang];
    if (!analyser) analyser = std::make_unique<Analyser>(lang);
    return *analyser;
}

}  // namespace

Prepared prepare_file(const PendingFile& p, size_t worker, const PrepareContext& context) {
    Prepared out;
    if (!p.stat_error.empty() || p.unchanged) return out;
    auto bytes = read_file_bytes(p.file, context.max_file_bytes);
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
    auto extracted = extract_bytes(content, p.file, context.pdf);
    if (auto* problem = std::get_if<Problem>(&extracted)) {
        out.problem = *problem;
        return out;
    }
    Document doc = build_document(std::get<ExtractedText>(extracted), p.path, p.entry);
    if ((out.problem = oversized_unit(doc, p.path))) return out;
    const Analyser& analyser = analyser_for(doc.meta.lang);
    out.units.reserve(doc.units.size());
    for (const Unit& unit : doc.units) out.units.push_back(unit_document(doc.meta, unit, analyser));
    // Units of a document a better file already gives stay here, unwritten: the writer's
    // thread drops them, or, should this file win after all (the better one vanished),
    // writes them into the index itself.
    if (context.parts && context.best->claim(doc.meta.id, p.path)) {
        out.placed = context.parts->add(worker, doc.meta, out.units);
        out.units.clear();
    }
    out.doc = std::move(doc);
    return out;
}

Prepared at_stage_boundary(const std::string& path, const std::function<Prepared()>& step) {
    Prepared out;
    try {
        return step();
    } catch (const std::bad_alloc&) {
        out.problem = Problem{path, 0, "out of memory while reading it; skipped"};
    } catch (const Xapian::DatabaseError&) {
        throw;
    } catch (const IndexError&) {
        throw;
    } catch (const Xapian::Error& e) {
        out.problem = Problem{path, 0, "cannot index it: " + e.get_description()};
    } catch (const std::exception& e) {
        out.problem = Problem{path, 0, std::string("cannot index it (internal error: ") + e.what() + ")"};
    } catch (...) {
        out.problem = Problem{path, 0, "cannot index it (internal error)"};
    }
    return out;
}

}  // namespace verbatim
