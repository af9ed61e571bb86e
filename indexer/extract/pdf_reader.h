// Reads a PDF with Poppler's C++ API into positioned words per page.
// The only file that includes Poppler headers.
#pragma once

#include <filesystem>
#include <variant>
#include <vector>

#include "indexer/extract/page_layout.h"
#include "model/document.h"

namespace verbatim {

// The pages of `file`, or a Problem saying why it cannot be read
// (empty, not a PDF, encrypted, damaged, no text layer: needs OCR).
// Never throws for bad input; Poppler's own stderr chatter is silenced.
std::variant<std::vector<PageWords>, Problem> read_pdf_pages(const std::filesystem::path& file);

}  // namespace verbatim
