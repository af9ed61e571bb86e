// The extract stage's entry point: one file in, content lines out.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <variant>

#include "indexer/extract/isolated_extract.h"
#include "model/document.h"

namespace verbatim {

enum class SourceFormat { text, pdf, unsupported };

// The format of a file from its name (and, for PDFs, its first bytes when readable).
SourceFormat source_format(const std::filesystem::path& file);

// Reads and decodes `file` into content lines. A Problem means the file was skipped:
// unreadable, empty, binary, or a PDF that cannot be read. Non-fatal issues (bytes
// replaced) come back in ExtractedText::problems.
// PDFs are read in a reader process bounded by `pdf`.
std::variant<ExtractedText, Problem> extract_file(const std::filesystem::path& file, const PdfLimits& pdf = {});

// Same, from bytes already read (the indexer reads once to hash and extract).
std::variant<ExtractedText, Problem> extract_bytes(const std::string& bytes, const std::filesystem::path& file,
                                                   const PdfLimits& pdf = {});

// No real report comes near: the largest UN PDFs are tens of megabytes.
inline constexpr uint64_t kDefaultMaxFileBytes = uint64_t{256} << 20;

// Reads a whole file of at most `max_bytes`; a Problem says why it could not be read
// (a larger file is one, naming the limit).
std::variant<std::string, Problem> read_file_bytes(const std::filesystem::path& file,
                                                   uint64_t max_bytes = kDefaultMaxFileBytes);

}  // namespace verbatim
