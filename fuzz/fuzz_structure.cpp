// Plain text through the text layout and the structure stage: lines, then units.
#include <cstddef>
#include <cstdint>
#include <string>

#include "indexer/extract/text_layout.h"
#include "indexer/structure/units.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    verbatim::ExtractedText lines = verbatim::lay_out_text(text);
    (void)verbatim::build_units(lines);
    return 0;
}
