#include "indexer/structure/document_builder.h"

#include <algorithm>
#include <filesystem>

#include "analysis/language.h"
#include "indexer/structure/annotations.h"
#include "indexer/structure/references.h"
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

// The language of a document's text, from its first units (enough to decide);
// empty when the text has no letters.
std::string detected_language(const std::vector<Unit>& units) {
    constexpr size_t kSample = 64 * 1024;
    std::string sample;
    for (const Unit& unit : units) {
        if (sample.size() >= kSample) break;
        sample += unit.text;
        sample += '\n';
    }
    return detect_language(sample, kSample).lang;
}

}  // namespace

std::string document_id(const DocumentMeta& doc, const std::string& source) {
    std::string base = !doc.symbol.empty() ? slug(doc.symbol)
                       : !doc.name.empty() ? slug(doc.name)
                                           : slug(std::filesystem::path(source).stem().string());
    if (base.empty()) base = "document";
    return base + "." + (doc.lang.empty() ? "und" : doc.lang);
}

// A unit on a page read by OCR says so, with the lowest confidence of its pages.
void mark_ocr(const std::vector<OcrPageInfo>& ocr_pages, Unit& unit) {
    for (const OcrPageInfo& page : ocr_pages) {
        if (page.page < unit.page_first || page.page > std::max(unit.page_first, unit.page_last)) continue;
        unit.ocr_confidence = unit.ocr ? std::min(unit.ocr_confidence, page.confidence) : page.confidence;
        unit.ocr = true;
    }
}

Document build_document(const ExtractedText& extracted, const std::string& source,
                        const ManifestEntry* manifest) {
    Document doc;
    StructuredText structured = build_units(extracted);
    // Lines before the first unit that are no title page ("Mr. President,") are content:
    // never the title, and searchable.
    if (!structured.front_matter.empty() && !shows_title_page(extracted, structured.front_matter)) {
        ExtractedText all = extracted;
        all.no_title_page = true;
        structured = build_units(all);
    }
    doc.meta = read_document_meta(extracted, structured);
    // The manifest's lang wins; without it the text says which language it is in.
    if (!manifest || !manifest->fields.count("lang"))
        if (std::string lang = detected_language(structured.units); !lang.empty()) doc.meta.lang = lang;
    if (manifest) apply_manifest(*manifest, doc.meta);
    doc.meta.source = source;
    doc.meta.printed_pages = extracted.printed_pages;
    doc.meta.id = document_id(doc.meta, source);
    doc.units = std::move(structured.units);
    for (Unit& unit : doc.units) {
        std::vector<TextReference> refs = find_references(unit.text);
        for (const TextReference& r : refs)
            if (std::find(unit.cites.begin(), unit.cites.end(), r.symbol) == unit.cites.end())
                unit.cites.push_back(r.symbol);
        unit.quotations = find_quotations(unit.text, refs);
        annotate_unit(doc.meta, unit);
        mark_ocr(extracted.ocr_pages, unit);
    }
    doc.problems = extracted.problems;
    return doc;
}

}  // namespace verbatim
