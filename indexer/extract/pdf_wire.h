// What the PDF reader process (verbatim-pdf-reader) and the indexer say to each other.
// No Poppler here: both sides link this file.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "indexer/extract/page_layout.h"
#include "model/document.h"

namespace verbatim {

// One result: the reader sends Poppler's positioned words, the indexer lays them out
// (that step uses ICU and stays in the indexer).
std::string serialise_pages(const std::variant<std::vector<PageWords>, Problem>& result);
// Throws std::runtime_error when `bytes` is not a complete, well-formed message.
std::variant<std::vector<PageWords>, Problem> deserialise_pages(const std::string& bytes);

// Before an answer, the reader may ask for more time (it is about to OCR pages): a frame
// of its own, which the indexer grants up to its OCR limit per file.
std::string more_time_message(double seconds);
// True, with the seconds asked for, when `payload` is such a request.
bool is_more_time(const std::string& payload, double& seconds);

// Bounds on what the reader sends, checked before anything is sized from it: page
// sizes and word positions finite and within kMaxCoordinate points (the PDF format's
// own limit is 14,400 units a side), and at most kMaxWordsPerPage words on a page (a
// dense page of 6-point text holds a few thousand).
inline constexpr double kMaxCoordinate = 100'000;
inline constexpr size_t kMaxWordsPerPage = 200'000;
// Empty when `pages` keep these bounds, else what is wrong and on which page.
std::string check_pages(const std::vector<PageWords>& pages);

// Framing on the stream between them: an 8-byte little-endian length, then the bytes.
// A request is a file path; an answer is a serialise_pages message.
std::string frame(const std::string& payload);
constexpr size_t kFrameHeader = 8;
// The payload length announced by a frame header (`header` holds kFrameHeader bytes).
uint64_t frame_length(const char* header);

// Blocking I/O for the reader's side; false on end of file or error.
bool write_all(int fd, const std::string& bytes);
bool read_exact(int fd, char* into, size_t size);

}  // namespace verbatim
