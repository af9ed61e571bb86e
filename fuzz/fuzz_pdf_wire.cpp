// What the PDF reader process sends: a malformed message is an exception (the reader is
// then replaced), never a crash; one that decodes is checked against the bounds and
// encodes to a message that decodes to itself.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "indexer/extract/pdf_wire.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        auto result = verbatim::deserialise_pages(bytes);
        if (auto* pages = std::get_if<std::vector<verbatim::PageWords>>(&result)) (void)verbatim::check_pages(*pages);
        const std::string once = verbatim::serialise_pages(result);
        if (verbatim::serialise_pages(verbatim::deserialise_pages(once)) != once) std::abort();
    } catch (const std::runtime_error&) {
    }
    return 0;
}
