// Whether a downloaded body is really a document. ODS answers a symbol it does not have
// (or a language not issued) with a 404, but as often with a 200 and an HTML viewer page
// or a tiny stub: only a body that is a whole PDF (or DOCX) counts.
#pragma once

#include <string>
#include <string_view>

namespace verbatim::fetch {

enum class Format { pdf, docx };

const char* format_name(Format format);  // "pdf", "docx": also the file extension

enum class BodyVerdict {
    document,   // a whole PDF / DOCX
    not_found,  // something else (HTML, a stub, another format): the document is not there
    truncated,  // the start of a document without its end: a failed download
};

struct BodyCheck {
    BodyVerdict verdict = BodyVerdict::not_found;
    std::string cause;  // empty for a document; else one phrase ("an HTML page, not a PDF")
};

// Bodies below this size are stubs, never documents (the smallest one-page UN PDF is
// tens of kilobytes; a stub says "not available" in a few hundred bytes).
inline constexpr size_t kMinDocumentBytes = 1024;

// PDF: "%PDF-" in the first 1024 bytes (where readers look for it) and "%%EOF" in the
// last 1024 (a download cut short has none). DOCX: a zip whose end-of-central-directory
// record is there and whose central directory names word/document.xml.
BodyCheck check_body(std::string_view body, Format format);

}  // namespace verbatim::fetch
