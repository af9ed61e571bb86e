// Bytes of a text file through the decoder: encoding detection and conversion (ICU).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "indexer/extract/text_decode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    (void)verbatim::decode_text(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.txt");
    return 0;
}
