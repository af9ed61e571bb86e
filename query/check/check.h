// What a careful reader should verify before citing from a document: how far verbatim's
// reading of it can be trusted. Pure: a document's units in, findings out.
#pragma once

#include <string>
#include <vector>

#include "model/document.h"

namespace verbatim {

struct Finding {
    std::string kind;    // gap, repeat, restart, inferred, long, no-text, table, furniture, ocr
    std::string detail;  // one sentence, with the citations or pages concerned
};

struct DocumentCheck {
    std::string doc_id;
    std::string reference;  // the document as cited ("A/80/11")
    int units = 0;
    std::vector<Finding> findings;
};

// Looks at numbering (gaps, repeats, restarts, numbers restored from the sequence),
// units longer than a page, pages no unit comes from, tables, and lines that look like
// page furniture (the document's own symbol or job number) kept inside a unit.
DocumentCheck check_document(const DocumentMeta& doc, const std::vector<Unit>& units);

}  // namespace verbatim
