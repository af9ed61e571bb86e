// Structure stage entry point: content lines + manifest entry -> Document.
#pragma once

#include <string>

#include "indexer/structure/manifest.h"
#include "model/document.h"

namespace verbatim {

// Stable id of a document: its symbol and language when it has a symbol
// ("ctoc-cop-wg.4-2020-4.en"), else its manifest name, else its file name.
std::string document_id(const DocumentMeta& doc, const std::string& source);

// Builds the document: units from the lines, metadata from the text, then the
// manifest entry (which wins), then the stable document id.
Document build_document(const ExtractedText& extracted, const std::string& source,
                        const ManifestEntry* manifest);

}  // namespace verbatim
