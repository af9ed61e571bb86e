// Reads a PDF with Poppler's C++ API into positioned words per page, and pages without a
// usable text layer with OCR (ocr.h). The only file that includes Poppler headers.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "indexer/extract/page_layout.h"
#include "model/document.h"

namespace verbatim {

struct OcrOptions {
    bool enabled = false;            // read pages without a usable text layer with Tesseract
    std::string languages;           // "rus", "eng+fra"; empty: from the file name, the other
                                     // pages' text, or the script Tesseract sees
    double page_seconds = 60;        // wall clock per page
    double file_seconds = 600;       // wall clock for all the OCR of one file
    double dpi = 300;                // rendering resolution (less for very large pages)
    std::filesystem::path cache;     // where results are kept (ocr_cache.h); empty: nowhere
    std::filesystem::path tessdata;  // empty: Debian's (tessdata_folder)
};

// Tesseract's confidence below which a page's OCR is not text (noise, a photograph).
inline constexpr double kMinOcrConfidence = 0.55;

// The pages of `file`, or a Problem saying why it cannot be read
// (empty, not a PDF, encrypted, damaged, no text layer and OCR off or illegible).
// Pages read by OCR say so (PageWords::ocr); a page OCR could not read has no words and
// PageWords::ocr_problem. `before_ocr` is called with the number of pages to OCR before
// the first (the caller may extend its time limit). Never throws for bad input; Poppler's
// and Tesseract's own stderr chatter is silenced.
std::variant<std::vector<PageWords>, Problem> read_pdf_pages(const std::filesystem::path& file,
                                                            const OcrOptions& ocr = {},
                                                            const std::function<void(int)>& before_ocr = {});

}  // namespace verbatim
