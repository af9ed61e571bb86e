// Bytes of a text file -> UTF-8, whatever the file's encoding.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "model/document.h"

namespace verbatim {

struct DecodedText {
    std::string text;      // UTF-8, LF line ends, no BOM
    std::string encoding;  // what the bytes were read as: "UTF-8", "UTF-16LE", "windows-1252"
    size_t replaced = 0;   // invalid byte sequences replaced by U+FFFD
};

// Decodes `bytes`: UTF-8 with or without BOM, UTF-16/32 with BOM, UTF-16 without BOM,
// and legacy 8-bit encodings detected with ICU. `file` only names the input in a
// Problem: empty input, or binary content that is not text.
std::variant<DecodedText, Problem> decode_text(std::string_view bytes, const std::string& file);

}  // namespace verbatim
