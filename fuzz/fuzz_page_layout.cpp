// Words and positions through the page layout (lines, columns, furniture, footnotes,
// page numbers, the title block), as the PDF reader would send them: pages within the
// bounds that check_pages lets through, words from the input.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "indexer/extract/page_layout.h"
#include "indexer/extract/pdf_wire.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    FuzzedDataProvider in(data, size);
    std::vector<verbatim::PageWords> pages(in.ConsumeIntegralInRange<size_t>(1, 6));
    auto coordinate = [&](double lo, double hi) {
        // Mostly on an A4 page; now and then anywhere within the bounds.
        if (in.ConsumeIntegralInRange<int>(0, 15) == 0)
            return in.ConsumeFloatingPointInRange<double>(-verbatim::kMaxCoordinate, verbatim::kMaxCoordinate);
        return in.ConsumeFloatingPointInRange<double>(lo, hi);
    };
    for (size_t k = 0; k < pages.size(); ++k) {
        verbatim::PageWords& page = pages[k];
        page.index = static_cast<int>(k);
        page.label = in.ConsumeRandomLengthString(6);
        page.width = in.ConsumeBool() ? 595 : coordinate(0, 2000);
        page.height = in.ConsumeBool() ? 842 : coordinate(0, 2000);
        if (page.width < 0) page.width = -page.width;
        if (page.height < 0) page.height = -page.height;
        const size_t words = in.ConsumeIntegralInRange<size_t>(0, 200);
        for (size_t w = 0; w < words && in.remaining_bytes() > 0; ++w) {
            verbatim::PositionedWord word;
            word.text = in.ConsumeRandomLengthString(24);
            word.x0 = coordinate(0, 600);
            word.y0 = coordinate(0, 850);
            word.x1 = word.x0 + coordinate(0, 80);
            word.y1 = word.y0 + coordinate(0, 14);
            word.font_size = coordinate(0, 20);
            const auto flags = in.ConsumeIntegral<uint8_t>();
            word.bold = flags & 1;
            word.italic = flags & 2;
            word.struck = flags & 4;
            word.underlined = flags & 8;
            page.words.push_back(std::move(word));
        }
        const size_t rules = in.ConsumeIntegralInRange<size_t>(0, 4);
        for (size_t r = 0; r < rules; ++r) page.rules.push_back({coordinate(0, 600), coordinate(0, 850), coordinate(0, 600)});
    }
    if (!verbatim::check_pages(pages).empty()) return 0;  // refused before layout
    (void)verbatim::lay_out_pages(pages);
    return 0;
}
