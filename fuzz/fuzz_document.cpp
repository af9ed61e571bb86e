// Content lines through build_document: units, title block, manifest-free metadata,
// references, quotations and annotations. Each input line is one line; a form feed
// starts a new page, a leading '\t' a new block, a leading '#' a heading-sized line.
#include <cstddef>
#include <cstdint>
#include <string>

#include "indexer/structure/document_builder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    verbatim::ExtractedText extracted;
    int page = 1;
    for (size_t b = 0; b <= text.size();) {
        size_t e = text.find('\n', b);
        if (e == std::string::npos) e = text.size();
        std::string line = text.substr(b, e - b);
        b = e + 1;
        if (!line.empty() && line[0] == '\f') {
            ++page;
            line.erase(0, 1);
        }
        verbatim::SourceLine source;
        source.page = page;
        source.starts_block = !line.empty() && line[0] == '\t';
        source.font_size = !line.empty() && line[0] == '#' ? 16 : 11;
        source.emphasised = source.font_size > 11;
        source.text = std::move(line);
        extracted.lines.push_back(std::move(source));
        if (e == text.size()) break;
    }
    extracted.page_count = page;
    (void)verbatim::build_document(extracted, "fuzz.txt", nullptr);
    return 0;
}
