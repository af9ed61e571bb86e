#include "indexer/structure/unit_blocks.h"

#include <algorithm>

#include "indexer/structure/unit_openings.h"
#include "vocabulary/text.h"

namespace verbatim::blocks {

using vocabulary::ends_sentence;

std::string take_markers(std::string_view text, std::vector<std::string>& markers) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        if (text.compare(i, 3, kFootnoteMarkOpen) == 0) {
            size_t close = text.find(kFootnoteMarkClose, i + 3);
            if (close == std::string_view::npos) close = text.size();
            markers.emplace_back(text.substr(i + 3, close - i - 3));
            i = std::min(text.size(), close + 3);
            continue;
        }
        out += text[i++];
    }
    return out;
}

std::vector<Block> make_blocks(const std::vector<SourceLine>& lines) {
    std::vector<Block> blocks;
    for (const SourceLine& line : lines) {
        std::vector<std::string> markers;
        std::string text = take_markers(line.text, markers);
        if (text.empty() && markers.empty()) continue;
        bool split = blocks.empty() || line.starts_block || blocks.back().role != line.role ||
                     // a table's rows on the next page: its header row may be printed again
                     (line.role == LineRole::table && line.page != blocks.back().page_last);
        // A list line ("- (a) ...", "12. ...") starts its own block when the text before
        // it came to a stop; mid-sentence line breaks never split a paragraph.
        if (!split && !blocks.back().text.empty() &&
            ((text.front() == '-' && starts_unit(text)) ||
             ((ends_sentence(blocks.back().text) || blocks.back().text.back() == ':') &&
              (starts_unit(text) || text.front() == '-'))))
            split = true;
        if (split) {
            Block b;
            b.role = line.role;
            b.page_first = b.page_last = line.page;
            b.emphasised = line.emphasised;
            b.text = std::move(text);
            b.markers = std::move(markers);
            blocks.push_back(std::move(b));
            continue;
        }
        Block& b = blocks.back();
        // A table keeps its rows apart: one line of the unit per row.
        if (!b.text.empty() && !text.empty()) b.text += line.role == LineRole::table ? '\n' : ' ';
        b.text += text;
        b.markers.insert(b.markers.end(), markers.begin(), markers.end());
        b.emphasised = b.emphasised && line.emphasised;
        if (line.page > 0) b.page_last = line.page;
        if (b.page_first == 0) b.page_first = line.page;
    }
    return blocks;
}

}  // namespace verbatim::blocks
