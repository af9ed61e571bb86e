#include "query/search/parallel.h"

namespace verbatim {

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
    return searcher.unit(version->id, record.unit.anchor);
}

void add_parallels(const Searcher& searcher, SearchResult& result, const std::string& lang) {
    for (Hit& hit : result.hits) {
        hit.parallel_lang = lang;
        hit.parallel = parallel_unit(searcher, hit.record, lang);
    }
}

}  // namespace verbatim
