#include "query/search/parallel.h"

#include <map>

#include "query/search/unit_alignment.h"

namespace verbatim {

namespace {

// Counterparts found by aligning two versions, remembered for the hits of one search.
class Counterparts {
  public:
    explicit Counterparts(const Searcher& searcher) : searcher_(searcher) {}

    std::optional<UnitRecord> of(const UnitRecord& record, const DocumentMeta& version) {
        if (version.id == record.doc.id) return record;
        // Numbered paragraphs, footnotes and recommendations carry the same number in
        // every version.
        if (shared_anchor(record.unit.anchor))
            if (std::optional<UnitRecord> same = searcher_.unit(version.id, record.unit.anchor)) return same;
        Pairing& pairing = pairing_of(record.doc.id, version.id);
        auto it = pairing.counterpart.find(record.unit.anchor);
        if (it == pairing.counterpart.end()) return std::nullopt;
        return pairing.theirs[it->second];
    }

  private:
    struct Pairing {
        std::vector<UnitRecord> theirs;
        std::map<std::string, size_t> counterpart;  // our anchor -> index in theirs
    };

    Pairing& pairing_of(const std::string& ours_id, const std::string& theirs_id) {
        auto key = std::make_pair(ours_id, theirs_id);
        auto found = pairings_.find(key);
        if (found != pairings_.end()) return found->second;
        Pairing& p = pairings_[key];
        std::vector<UnitRecord> ours = searcher_.document_units(ours_id);
        p.theirs = searcher_.document_units(theirs_id);
        std::vector<Unit> a, b;
        for (const UnitRecord& r : ours) a.push_back(r.unit);
        for (const UnitRecord& r : p.theirs) b.push_back(r.unit);
        std::vector<std::optional<size_t>> pairs = align_units(a, b);
        for (size_t i = 0; i < pairs.size(); ++i)
            if (pairs[i]) p.counterpart.emplace(a[i].anchor, *pairs[i]);
        return p;
    }

    const Searcher& searcher_;
    std::map<std::pair<std::string, std::string>, Pairing> pairings_;
};

}  // namespace

std::optional<DocumentMeta> parallel_document(const Searcher& searcher, const DocumentMeta& doc,
                                              const std::string& lang) {
    if (doc.lang == lang) return doc;
    for (DocumentMeta& version : searcher.versions(doc))
        if (version.lang == lang) return std::move(version);
    return std::nullopt;
}

std::optional<UnitRecord> parallel_unit(const Searcher& searcher, const UnitRecord& record, const std::string& lang) {
    std::optional<DocumentMeta> version = parallel_document(searcher, record.doc, lang);
    if (!version) return std::nullopt;
    return Counterparts(searcher).of(record, *version);
}

void add_parallels(const Searcher& searcher, SearchResult& result, const std::string& lang) {
    Counterparts counterparts(searcher);
    for (Hit& hit : result.hits) {
        hit.parallel_lang = lang;
        std::optional<DocumentMeta> version = parallel_document(searcher, hit.record.doc, lang);
        hit.parallel = version ? counterparts.of(hit.record, *version) : std::nullopt;
    }
}

}  // namespace verbatim
