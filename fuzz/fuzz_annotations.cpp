// Negotiation markup ("[add: Canada]", "~~struck~~", "[agreed]") on any bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "indexer/structure/annotations.h"
#include "vocabulary/negotiation.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const verbatim::vocabulary::Annotation& a : verbatim::vocabulary::find_annotations(text))
        if (a.start > a.end || a.end > text.size()) __builtin_trap();  // spans must lie in the text
    (void)verbatim::vocabulary::reading_text(text);
    (void)verbatim::vocabulary::annotation_words(text);
    verbatim::Unit unit;
    unit.text = std::string(text);
    verbatim::annotate_unit(verbatim::DocumentMeta{}, unit);
    return 0;
}
