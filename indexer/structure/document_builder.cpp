#include "indexer/structure/document_builder.h"

#include <filesystem>

#include "indexer/structure/title_block.h"
#include "indexer/structure/units.h"

namespace verbatim {

namespace {

std::string slug(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '.' || c == '_') out += static_cast<char>(std::tolower(c));
        else if (c >= 0x80) out += static_cast<char>(c);
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

}  // namespace

std::string document_id(const DocumentMeta& doc, const std::string& source) {
    std::string base = !doc.symbol.empty() ? slug(doc.symbol)
                       : !doc.name.empty() ? slug(doc.name)
                                           : slug(std::filesystem::path(source).stem().string());
    if (base.empty()) base = "document";
    return base + "." + (doc.lang.empty() ? "und" : doc.lang);
}

Document build_document(const ExtractedText& extracted, const std::string& source,
                        const ManifestEntry* manifest) {
    Document doc;
    StructuredText structured = build_units(extracted);
    doc.meta = read_document_meta(extracted, structured);
    if (manifest) apply_manifest(*manifest, doc.meta);
    doc.meta.source = source;
    doc.meta.id = document_id(doc.meta, source);
    doc.units = std::move(structured.units);
    doc.problems = extracted.problems;
    return doc;
}

}  // namespace verbatim
