// parse_reference on any bytes: a Reference or an error string, and its anchors.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "query/cite/reference.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto parsed = verbatim::parse_reference(std::string_view(reinterpret_cast<const char*>(data), size));
    if (auto* reference = std::get_if<verbatim::Reference>(&parsed)) (void)reference->anchors();
    return 0;
}
