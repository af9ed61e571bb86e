// lay_out_pages: furniture out, footnote areas apart, columns in order, paragraph
// starts from geometry, hyphenation resolved. The steps live in page_layout_*.cpp.
#include "indexer/extract/page_layout.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "indexer/extract/page_layout_internal.h"

namespace verbatim {
namespace {

using layout::Line;
using layout::PageLines;

// A line of output with the geometry paragraph detection needs.
struct Placed {
    SourceLine line;
    Line geometry;
    int page_index = 0;
};

// Footnote text is set smaller than the body.
bool is_small(const Line& line, double body_size) {
    return line.font_size > 0 && line.font_size < 0.94 * body_size;
}

double first_gap(const Line& line) {
    return line.words.size() < 2 ? 0 : line.words[1].x0 - line.words[0].x1;
}

// A footnote's first line: its number (or asterisk) set apart from the text by a
// smaller or raised figure, a clear gap, or a hanging indent.
bool opens_footnote(const Line& line, double area_x0) {
    if (line.words.size() < 2 || !layout::is_footnote_label(line.words[0].text)) return false;
    const PositionedWord& label = line.words[0];
    const double size = line.font_size;
    const bool set_apart = label.font_size < 0.9 * size || label.y1 < line.baseline - 0.15 * size ||
                           first_gap(line) >= 0.4 * size;
    return set_apart || label.x0 < area_x0 - 0.5 * size;
}

struct PageSplit {
    std::vector<Line> body;
    std::vector<Line> notes;
};

// The footnote area is the run of small-font lines at the foot of the page. It must
// hold a numbered note, unless the previous page had notes that may continue here.
PageSplit split_footnote_area(std::vector<Line> lines, double body_size, bool notes_may_continue) {
    PageSplit split;
    std::size_t start = lines.size();
    while (start > 0 && is_small(lines[start - 1], body_size)) --start;
    double area_x0 = 1e9;
    for (std::size_t i = start; i < lines.size(); ++i) area_x0 = std::min(area_x0, lines[i].x0);
    std::size_t first_note = lines.size();
    for (std::size_t i = start; i < lines.size() && first_note == lines.size(); ++i)
        if (opens_footnote(lines[i], area_x0 + 0.5 * lines[i].font_size)) first_note = i;
    if (!notes_may_continue) start = first_note;
    for (std::size_t i = 0; i < lines.size(); ++i)
        (i < start ? split.body : split.notes).push_back(std::move(lines[i]));
    return split;
}

Placed place(const Line& line, const PageLines& page, LineRole role) {
    Placed placed;
    placed.line.text = layout::line_text(line);
    placed.line.page = page.printed_page;
    placed.line.role = role;
    placed.line.emphasised = line.emphasised;
    placed.line.font_size = static_cast<float>(line.font_size);
    placed.geometry = line;
    placed.page_index = page.index;
    return placed;
}

// Usual distance between baselines of consecutive body lines.
double line_spacing(const std::vector<Placed>& lines, double body_size) {
    std::vector<double> deltas;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const Line& a = lines[i - 1].geometry;
        const Line& b = lines[i].geometry;
        const double delta = b.baseline - a.baseline;
        if (lines[i - 1].page_index == lines[i].page_index && a.column == b.column &&
            delta > 0.9 * body_size && delta < 2.0 * body_size)
            deltas.push_back(delta);
    }
    if (deltas.empty()) return 1.2 * body_size;
    std::nth_element(deltas.begin(), deltas.begin() + static_cast<long>(deltas.size() / 2), deltas.end());
    return deltas[deltas.size() / 2];
}

std::string first_word(const std::string& text) { return text.substr(0, text.find(' ')); }

// "12." or "(a)" opening a line, set apart from the text or out of line with the previous one.
bool opens_numbered(const Placed& line, const Placed& previous) {
    if (!layout::is_numbering_token(first_word(line.line.text))) return false;
    const double em = line.geometry.font_size;
    return first_gap(line.geometry) >= 0.8 * em ||
           std::abs(line.geometry.x0 - previous.geometry.x0) >= 0.5 * em ||
           layout::ends_sentence(previous.line.text);
}

// The previous line stops well short of its column: the last line of a paragraph.
bool is_short(const Line& line) {
    return line.x1 < line.column_x0 + 0.8 * (line.column_x1 - line.column_x0);
}

bool style_changes(const Placed& line, const Placed& previous) {
    return line.line.emphasised != previous.line.emphasised ||
           std::abs(line.geometry.font_size - previous.geometry.font_size) > 0.8;
}

// First line indented against both its neighbours' left edge.
bool indented_first_line(const std::vector<Placed*>& flow, std::size_t i) {
    const Line& line = flow[i]->geometry;
    const Line& previous = flow[i - 1]->geometry;
    if (i + 1 >= flow.size() || flow[i + 1]->page_index != flow[i]->page_index) return false;
    const Line& next = flow[i + 1]->geometry;
    const double em = line.font_size;
    // A hanging number ("14." out in the margin) is not an indent of the next line.
    if (layout::is_numbering_token(first_word(flow[i - 1]->line.text)) ||
        layout::is_numbering_token(first_word(flow[i + 1]->line.text)))
        return false;
    return next.column == line.column && line.x0 > previous.x0 + 0.8 * em &&
           std::abs(next.x0 - previous.x0) < 0.3 * em;
}

bool starts_paragraph(const std::vector<Placed*>& flow, std::size_t i, double spacing, double body_size) {
    if (i == 0) return true;
    const Placed& line = *flow[i];
    const Placed& previous = *flow[i - 1];
    const bool same_flow = line.page_index == previous.page_index &&
                           line.geometry.column == previous.geometry.column &&
                           line.geometry.top > previous.geometry.top;
    if (!same_flow) {
        // "41.<tab>The Committee ..." at the top of a page opens a paragraph even where the
        // page before ends in a figure's labels or a table rather than a sentence.
        // So does a numbered heading in a style of its own ("19. World Health Organization").
        const std::string& text = line.line.text;
        const bool numbered = layout::is_numbering_token(first_word(text)) &&
                              !layout::starts_lowercase(text.substr(std::min(text.size(), first_word(text).size())));
        if (numbered && (first_gap(line.geometry) >= 0.8 * line.geometry.font_size || style_changes(line, previous)))
            return true;
        // Across a page or column break the paragraph goes on unless a sentence ended.
        if (!layout::ends_sentence(previous.line.text) || layout::starts_lowercase(line.line.text))
            return false;
        return opens_numbered(line, previous) || style_changes(line, previous) ||
               is_short(previous.geometry);
    }
    const double scale = std::max(line.geometry.font_size, previous.geometry.font_size) / body_size;
    const double gap = line.geometry.baseline - previous.geometry.baseline;
    if (gap > 1.3 * spacing * std::max(scale, 1.0)) return true;
    if (opens_numbered(line, previous) || style_changes(line, previous)) return true;
    if (indented_first_line(flow, i)) return true;
    return is_short(previous.geometry) && layout::ends_sentence(previous.line.text) &&
           !layout::starts_lowercase(line.line.text);
}

void mark_paragraphs(std::vector<Placed>& lines, double body_size) {
    std::vector<Placed*> flow;
    std::vector<Placed> body_only;
    for (Placed& line : lines)
        if (line.line.role == LineRole::body) flow.push_back(&line), body_only.push_back(line);
    const double spacing = line_spacing(body_only, body_size);
    for (std::size_t i = 0; i < flow.size(); ++i)
        flow[i]->line.starts_block = starts_paragraph(flow, i, spacing, body_size);
}

void place_notes(const std::vector<Line>& notes, const PageLines& page, std::vector<Placed>& out) {
    double area_x0 = 1e9;
    for (const Line& line : notes) area_x0 = std::min(area_x0, line.x0);
    for (const Line& line : notes) {
        out.push_back(place(line, page, LineRole::footnote));
        out.back().line.starts_block = opens_footnote(line, area_x0 + 0.5 * line.font_size);
    }
}

}  // namespace

ExtractedText lay_out_pages(const std::vector<PageWords>& pages) {
    ExtractedText out;
    out.page_count = static_cast<int>(pages.size());
    out.numbers_in_text = true;  // a text layer holds every printed number
    const double body_size = layout::body_font_size(pages);

    std::vector<PageLines> page_lines;
    std::vector<std::vector<Line>> vertical;  // rotated text, read apart from the rows
    const bool rtl_reversed = layout::rtl_in_visual_order(pages);
    for (const PageWords& page : pages) {
        std::vector<PositionedWord> words = layout::normalised_words(page.words);
        if (rtl_reversed) layout::restore_rtl_order(words);
        vertical.push_back(layout::take_vertical_lines(words));
        page_lines.push_back({page.index, page.label, page.width, page.height,
                              layout::group_lines(std::move(words)), {}, 0});
    }
    layout::remove_furniture(page_lines, body_size);
    layout::place_vertical_lines(page_lines, std::move(vertical));
    out.title_block = layout::take_title_block(page_lines, body_size);
    // The document's own symbol alone on a line is its running header wherever the page
    // sets it (below the band, beside a landscape table): never content.
    for (PageLines& page : page_lines)
        std::erase_if(page.lines, [&](const Line& line) {
            const std::string text = layout::line_text(line);
            const auto& symbols = out.title_block.symbols;
            if (std::find(symbols.begin(), symbols.end(), text) == symbols.end()) return false;
            page.furniture.push_back(line);
            return true;
        });
    layout::number_pages(page_lines);
    for (const PageLines& page : page_lines) out.printed_pages.push_back(page.printed_page);
    for (std::size_t i = 0; i < pages.size(); ++i)  // pages read by OCR, by their printed number
        if (pages[i].ocr && !pages[i].words.empty())
            out.ocr_pages.push_back({page_lines[i].printed_page, pages[i].ocr_confidence});

    std::vector<Placed> placed;
    bool had_notes = false;
    for (PageLines& page : page_lines) {
        PageSplit split = split_footnote_area(std::move(page.lines), body_size, had_notes);
        const std::vector<Line> body = layout::order_reading(std::move(split.body));
        const std::vector<bool> rows = layout::table_rows(body);
        for (std::size_t k = 0; k < body.size(); ++k) {
            placed.push_back(place(body[k], page, rows[k] ? LineRole::table : LineRole::body));
            if (rows[k]) placed.back().line.text = layout::row_text(body[k]);
        }
        place_notes(split.notes, page, placed);
        had_notes = !split.notes.empty();
    }
    mark_paragraphs(placed, body_size);

    for (Placed& p : placed)
        if (!p.line.text.empty()) out.lines.push_back(std::move(p.line));
    layout::join_hyphenated_lines(out.lines);
    return out;
}

}  // namespace verbatim
