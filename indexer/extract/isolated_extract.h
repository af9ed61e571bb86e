// PDF extraction in a child process, so that a PDF that hangs Poppler, exhausts memory
// or crashes it costs one skipped file, never the whole run (as Xapian's omindex does).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "indexer/extract/page_layout.h"
#include "model/document.h"

namespace verbatim {

struct PdfLimits {
    double timeout_seconds = 30;  // wall clock, then the child is killed
    size_t memory_mb = 2048;      // address space of the child (not enforced under ASan)
};

// The limits extract_bytes uses for PDFs; set once by the CLI from its options.
void set_pdf_limits(const PdfLimits& limits);
const PdfLimits& pdf_limits();

// Reads and lays out `file` in a forked child bounded by `limits`. A hang, a crash or an
// allocation failure in the child comes back as a Problem naming the file and the cause.
//
// Test-only hook: when VERBATIM_TEST_PDF_FAULT is crash, hang or oom in the environment,
// the child crashes (SIGSEGV), hangs or allocates without bound instead of extracting.
// It is read in the child only, so it cannot change what a normal run does.
std::variant<ExtractedText, Problem> extract_pdf_isolated(const std::filesystem::path& file,
                                                          const PdfLimits& limits);

// The wire format between the child and the parent (exposed for tests): the child sends
// Poppler's positioned words, the parent lays them out (that step uses ICU, whose locks a
// child forked from a multi-threaded indexer could find held forever).
std::string serialise_pages(const std::variant<std::vector<PageWords>, Problem>& result);
// Throws std::runtime_error when `bytes` is not a complete, well-formed message.
std::variant<std::vector<PageWords>, Problem> deserialise_pages(const std::string& bytes);

}  // namespace verbatim
