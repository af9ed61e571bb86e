// The decoders of what the index stores for a unit, on any bytes: a unit record
// (parse_unit) and a facets value (for_each_facet). A DecodeError is the only way to
// refuse bytes, and a record that decodes is written back as the very same bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/unit_record.h"
#include "model/facet_value.h"

using namespace verbatim;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        auto [unit, doc_id] = parse_unit(bytes);
        if (serialise_unit(doc_id, unit) != bytes) __builtin_trap();  // one encoding per record
    } catch (const DecodeError&) {
    }
    try {
        for_each_facet(bytes, [&](const char* name, std::string_view value) {
            if (!name || value.data() < bytes.data() || value.data() + value.size() > bytes.data() + bytes.size())
                __builtin_trap();  // a known facet, and a value inside the bytes read
        });
    } catch (const DecodeError&) {
    }
    return 0;
}
