// The pages of a PDF that lack a usable text layer, read with OCR: which pages, in which
// language, from the cache or by Tesseract, within the time limits. Neither Poppler nor
// PDF-specific: the PDF reader hands over a function that renders a page.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "indexer/extract/page_layout.h"
#include "indexer/extract/pdf_reader.h"

namespace verbatim {

// A page rendered in 8-bit grey.
struct RenderedPage {
    std::string pixels;
    int width = 0, height = 0, bytes_per_row = 0;
    double dpi = 0;
};
// Renders page `index` at about `dpi`; nothing when it cannot.
using PageRenderer = std::function<std::optional<RenderedPage>(int index, double dpi)>;

// Replaces, in `pages`, the words of every page that needs OCR (ocr_choice.h) by what
// Tesseract reads, or clears them and sets ocr_problem. `file_bytes` keys the cache.
// Returns a message for the whole file when no page could be read because of the setup
// (the language data is not installed), else empty.
std::string read_scanned_pages(std::vector<PageWords>& pages, const std::filesystem::path& file,
                               const std::string& file_bytes, const OcrOptions& options,
                               const PageRenderer& render, const std::function<void(int)>& before_ocr);

// A rendered page with (almost) no ink is blank: nothing to read, nothing to report.
bool is_blank(const RenderedPage& page);

}  // namespace verbatim
