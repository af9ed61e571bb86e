// PDF extraction outside the indexer's process, so that a PDF that hangs the PDF library,
// exhausts memory or crashes it costs one skipped file, never the whole run (as Xapian's
// omindex does). Poppler lives only in the helper program verbatim-pdf-reader; each
// thread that reads PDFs keeps one such reader running and sends it file after file.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "indexer/extract/ocr_cache.h"
#include "indexer/extract/page_layout.h"
#include "indexer/extract/pdf_wire.h"  // serialise_pages, deserialise_pages
#include "model/document.h"

namespace verbatim {

struct PdfLimits {
    PdfLimits() = default;
    PdfLimits(double timeout, size_t memory) : timeout_seconds(timeout), memory_mb(memory) {}

    double timeout_seconds = 30;  // wall clock (and processor time) per file, then the reader is killed
    size_t memory_mb = 2048;      // address space of the reader (not enforced under ASan)
    // Pages without a usable text layer are read with Tesseract (pdf_reader.h, OcrOptions).
    bool ocr = true;
    std::string ocr_languages;      // empty: from the file name, the other pages, the script
    double ocr_page_seconds = 60;   // per page
    double ocr_file_seconds = 600;  // per file, on top of timeout_seconds
    std::filesystem::path ocr_cache;  // empty: no cache (the CLI names one: default_ocr_cache)
    // The reader program to run (the CLI takes it from $VERBATIM_PDF_READER); empty: the
    // one find_pdf_reader finds where verbatim is installed.
    std::filesystem::path reader;

    bool operator==(const PdfLimits&) const = default;
};

// Pages read by OCR in this process (every thread), and of those taken from the cache.
struct OcrCounts {
    size_t pages = 0, cached = 0;
};
OcrCounts ocr_counts();

// Reads and lays out `file` in this thread's reader process, bounded by `limits`. A hang,
// a crash or an allocation failure of the reader comes back as a Problem naming the file
// and the cause, and the next file gets a fresh reader. A reader that fails after reading
// other files is replaced and the file read again before the file is blamed.
//
// Test-only hook: VERBATIM_TEST_PDF_FAULT (see pdf_reader_main.cpp) makes the reader crash,
// hang or allocate without bound instead of extracting. Only the reader reads it.
std::variant<ExtractedText, Problem> extract_pdf_isolated(const std::filesystem::path& file,
                                                          const PdfLimits& limits);

// The variable that names another reader program: read by the programs, which pass it
// down as PdfLimits::reader; the library itself does not read the environment.
inline constexpr const char* kPdfReaderVariable = "VERBATIM_PDF_READER";

// Where verbatim-pdf-reader is: `given` when not empty, else beside the running
// executable (the build tree), else in ../libexec/verbatim/ from it (the installed layout).
// Empty when it is not there; `looked` then says where it was looked for.
std::filesystem::path find_pdf_reader(const std::filesystem::path& given = {}, std::string* looked = nullptr);

// For tests: the process id of this thread's reader (-1 when none runs), and stopping it
// (the next PDF starts a fresh one, which reads the environment anew).
pid_t pdf_reader_pid();
void stop_pdf_reader();

}  // namespace verbatim
