// Words -> lines: grouping by baseline, line text with superscript footnote markers,
// and reading order across columns.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "indexer/extract/page_layout_internal.h"
#include "vocabulary/text.h"

namespace verbatim::layout {
namespace {

// Font size, or the box height when the PDF gave no font information.
double size_of(const PositionedWord& word) {
    return word.font_size > 0 ? word.font_size : word.y1 - word.y0;
}

double overlap(double a0, double a1, double b0, double b1) {
    return std::min(a1, b1) - std::max(a0, b0);
}

bool is_marker_text(const std::string& text) {
    if (text.empty() || text.size() > 4) return false;
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == ','; }) &&
           std::isdigit(static_cast<unsigned char>(text.front()));
}

// A footnote reference: small, raised above the line's baseline, digits.
bool is_superscript(const PositionedWord& word, const Line& line) {
    const double size = size_of(word);
    return is_marker_text(word.text) && size <= 0.8 * line.font_size &&
           word.y1 < line.baseline - 0.15 * line.font_size;
}

// Words closer than this are one token drawn in pieces ("A" + "/HRC/..." in mixed sizes).
bool touches(const PositionedWord& left, const PositionedWord& right) {
    return right.x0 - left.x1 < 0.12 * std::min(size_of(left), size_of(right));
}

struct Segment {
    double x0, x1;
};

// Pieces of a line separated by gaps wider than ordinary word spacing.
std::vector<Segment> segments_of(const Line& line) {
    std::vector<Segment> segments;
    for (const PositionedWord& word : line.words) {
        const double gap_limit = 1.5 * size_of(word);
        if (!segments.empty() && word.x0 - segments.back().x1 < gap_limit) {
            segments.back().x1 = std::max(segments.back().x1, word.x1);
        } else {
            segments.push_back({word.x0, word.x1});
        }
    }
    return segments;
}

std::size_t char_count(const Line& line) {
    std::size_t n = 0;
    for (const PositionedWord& word : line.words) n += word.text.size();
    return n;
}

struct Gutter {
    double x0 = 0, x1 = 0;
    bool found = false;
};

// The widest vertical strip in the middle of the text that (almost) no line crosses.
Gutter find_gutter(const std::vector<Line>& lines, double left, double right) {
    // The reader's coordinates are checked on arrival (pdf_wire); this sizes a vector, so
    // it checks again.
    if (!std::isfinite(left) || !std::isfinite(right) || right - left < 1 || right - left > 20000) return {};
    const int width = static_cast<int>(std::ceil(right - left));
    std::vector<int> coverage(static_cast<std::size_t>(width) + 1, 0);
    for (const Line& line : lines) {
        for (const Segment& s : segments_of(line)) {
            if (!std::isfinite(s.x0) || !std::isfinite(s.x1)) continue;
            const int from = std::max(0, static_cast<int>(s.x0 - left));
            const int to = std::min(width, static_cast<int>(std::ceil(s.x1 - left)));
            for (int x = from; x < to; ++x) ++coverage[static_cast<std::size_t>(x)];
        }
    }
    const int tolerated = static_cast<int>(lines.size() / 10);
    Gutter best;
    int run_start = -1;
    const int lo = width * 3 / 10;
    const int hi = width * 7 / 10;
    for (int x = lo; x <= hi + 1; ++x) {
        const bool open = x <= hi && coverage[static_cast<std::size_t>(x)] <= tolerated;
        if (open && run_start < 0) run_start = x;
        if (!open && run_start >= 0) {
            if (x - run_start > best.x1 - best.x0) best = {left + run_start, left + x, true};
            run_start = -1;
        }
    }
    if (best.found && best.x1 - best.x0 < 8.0) best.found = false;
    return best;
}

enum class Side { left, right, both, spanning };

Side side_of(const Line& line, const Gutter& gutter) {
    bool has_left = false;
    bool has_right = false;
    for (const Segment& s : segments_of(line)) {
        if (s.x1 <= gutter.x1 && s.x0 < gutter.x0) {
            has_left = true;
        } else if (s.x0 >= gutter.x0 && s.x1 > gutter.x1) {
            has_right = true;
        } else if (s.x0 < gutter.x0 && s.x1 > gutter.x1) {
            return Side::spanning;
        }
    }
    if (has_left && has_right) return Side::both;
    return has_right ? Side::right : Side::left;
}

// Both columns must carry real text, or the "gutter" is just a hanging indent or a table.
bool columns_are_real(const std::vector<Line>& lines, const Gutter& gutter, double left, double right) {
    std::size_t split = 0, left_chars = 0, right_chars = 0, total = 0;
    double left_edge = left, right_edge = right;
    for (const Line& line : lines) {
        const Side side = side_of(line, gutter);
        total += char_count(line);
        if (side == Side::spanning) continue;
        ++split;
        for (const PositionedWord& word : line.words) {
            if (word.x1 <= gutter.x1) {
                left_chars += word.text.size();
                left_edge = std::max(left_edge, word.x1);
            } else {
                right_chars += word.text.size();
                right_edge = std::min(right_edge, word.x0);
            }
        }
    }
    const double width = right - left;
    return split * 10 >= lines.size() * 7 && left_chars * 5 >= total && right_chars * 5 >= total &&
           left_edge - left >= 0.25 * width && right - right_edge >= 0.25 * width;
}

Line part_of(const Line& line, const Gutter& gutter, bool left_part) {
    Line part;
    for (const PositionedWord& word : line.words) {
        const bool is_left = (word.x0 + word.x1) / 2 < (gutter.x0 + gutter.x1) / 2;
        if (is_left == left_part) part.words.push_back(word);
    }
    measure_line(part);
    return part;
}

void place(Line& line, int column, double x0, double x1) {
    line.column = column;
    line.column_x0 = x0;
    line.column_x1 = x1;
}

}  // namespace

double body_font_size(const std::vector<PageWords>& pages) {
    std::map<long, std::size_t> chars_by_size;  // size in tenths of a point
    for (const PageWords& page : pages)
        for (const PositionedWord& word : page.words)
            if (size_of(word) > 0) chars_by_size[std::lround(size_of(word) * 2)] += word.text.size();
    long best = 0;
    std::size_t most = 0;
    for (const auto& [size, chars] : chars_by_size)
        if (chars > most) best = size, most = chars;
    return static_cast<double>(best) / 2.0;
}

std::vector<PositionedWord> normalised_words(const std::vector<PositionedWord>& words) {
    std::vector<PositionedWord> out;
    for (PositionedWord word : words) {
        word.text = normalise_text(word.text);
        if (!word.text.empty() && word.x1 >= word.x0 && word.y1 >= word.y0) out.push_back(std::move(word));
    }
    return out;
}

void measure_line(Line& line) {
    if (line.words.empty()) return;
    std::sort(line.words.begin(), line.words.end(),
              [](const PositionedWord& a, const PositionedWord& b) { return a.x0 < b.x0; });
    line.x0 = line.words.front().x0;
    line.x1 = line.words.front().x1;
    line.top = line.words.front().y0;
    line.bottom = line.words.front().y1;
    std::map<long, std::size_t> chars_by_size;
    std::size_t styled = 0, total = 0;
    for (const PositionedWord& word : line.words) {
        line.x0 = std::min(line.x0, word.x0);
        line.x1 = std::max(line.x1, word.x1);
        line.top = std::min(line.top, word.y0);
        line.bottom = std::max(line.bottom, word.y1);
        chars_by_size[std::lround(size_of(word) * 10)] += word.text.size();
        total += word.text.size();
        if (word.bold || word.italic) styled += word.text.size();
    }
    long best = 0;
    std::size_t most = 0;
    for (const auto& [size, chars] : chars_by_size)
        if (chars > most) best = size, most = chars;
    line.font_size = static_cast<double>(best) / 10.0;
    line.emphasised = styled * 2 > total;
    std::vector<double> bottoms;
    for (const PositionedWord& word : line.words)
        if (std::abs(size_of(word) - line.font_size) < 0.5) bottoms.push_back(word.y1);
    std::sort(bottoms.begin(), bottoms.end());
    line.baseline = bottoms.empty() ? line.bottom : bottoms[bottoms.size() / 2];
}

std::vector<Line> group_lines(std::vector<PositionedWord> words) {
    std::sort(words.begin(), words.end(), [](const PositionedWord& a, const PositionedWord& b) {
        return a.y0 + a.y1 < b.y0 + b.y1;
    });
    std::vector<Line> lines;
    for (PositionedWord& word : words) {
        const double height = std::max(word.y1 - word.y0, 0.1);
        Line* best = nullptr;
        double best_share = 0.5;
        for (auto it = lines.rbegin(); it != lines.rend() && it - lines.rbegin() < 4; ++it) {
            const double shorter = std::min(height, std::max(it->bottom - it->top, 0.1));
            const double share = overlap(it->top, it->bottom, word.y0, word.y1) / shorter;
            if (share >= best_share) best = &*it, best_share = share;
        }
        if (!best) {
            lines.emplace_back();
            best = &lines.back();
            best->top = word.y0;
            best->bottom = word.y1;
        }
        best->top = std::min(best->top, word.y0);
        best->bottom = std::max(best->bottom, word.y1);
        best->words.push_back(std::move(word));
    }
    for (Line& line : lines) measure_line(line);
    std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.top < b.top; });
    return lines;
}

std::string line_text(const Line& line) {
    // A line mostly in Arabic or Hebrew reads from right to left.
    std::size_t rtl_bytes = 0, bytes = 0;
    for (const PositionedWord& word : line.words) {
        bytes += word.text.size();
        if (is_rtl_word(word.text)) rtl_bytes += word.text.size();
    }
    std::vector<const PositionedWord*> order;
    for (const PositionedWord& word : line.words) order.push_back(&word);
    const bool rtl = rtl_bytes * 2 > bytes;
    if (rtl) std::reverse(order.begin(), order.end());
    std::string text;
    const PositionedWord* previous = nullptr;
    for (const PositionedWord* word : order) {
        if (previous && is_superscript(*word, line)) {
            text += kFootnoteMarkOpen;
            text += word->text;
            text += kFootnoteMarkClose;
        } else {
            if (previous && !(rtl ? touches(*word, *previous) : touches(*previous, *word))) text += ' ';
            text += word->text;
        }
        previous = word;
    }
    return normalise_text(text);
}

std::vector<Line> order_reading(std::vector<Line> lines) {
    if (lines.empty()) return lines;
    double left = lines.front().x0, right = lines.front().x1;
    for (const Line& line : lines) left = std::min(left, line.x0), right = std::max(right, line.x1);
    const Gutter gutter = lines.size() >= 6 ? find_gutter(lines, left, right) : Gutter{};
    if (!gutter.found || !columns_are_real(lines, gutter, left, right)) {
        for (Line& line : lines) place(line, 0, left, right);
        return lines;
    }
    std::vector<Line> ordered, left_column, right_column;
    const auto flush = [&] {
        for (Line& l : left_column) ordered.push_back(std::move(l));
        for (Line& l : right_column) ordered.push_back(std::move(l));
        left_column.clear();
        right_column.clear();
    };
    for (Line& line : lines) {
        const Side side = side_of(line, gutter);
        if (side == Side::spanning) {
            flush();
            place(line, 0, left, right);
            ordered.push_back(std::move(line));
            continue;
        }
        if (side != Side::right) {
            left_column.push_back(part_of(line, gutter, true));
            place(left_column.back(), 1, left, gutter.x0);
        }
        if (side != Side::left) {
            right_column.push_back(part_of(line, gutter, false));
            place(right_column.back(), 2, gutter.x1, right);
        }
    }
    flush();
    return ordered;
}

}  // namespace verbatim::layout

namespace verbatim::layout {
namespace {

// Rotated a quarter turn: a word of three letters or more standing taller than wide.
bool is_vertical(const PositionedWord& word) {
    const double width = word.x1 - word.x0;
    return vocabulary::char_count(word.text) >= 3 && width > 0 && word.y1 - word.y0 > 2.0 * width;
}

// The words of a line grouped into cells: runs separated by gaps wider than spacing.
std::vector<std::vector<const PositionedWord*>> cells_of(const Line& line) {
    std::vector<std::vector<const PositionedWord*>> cells;
    double right = 0;
    for (const PositionedWord& word : line.words) {
        if (cells.empty() || word.x0 - right >= 1.5 * size_of(word)) cells.emplace_back();
        cells.back().push_back(&word);
        right = cells.back().size() == 1 ? word.x1 : std::max(right, word.x1);
    }
    return cells;
}

Line line_of(const std::vector<const PositionedWord*>& words) {
    Line line;
    for (const PositionedWord* word : words) line.words.push_back(*word);
    measure_line(line);
    return line;
}

// A line that reads as a table row: three cells or more, or two where the first is
// not a paragraph number, a footnote label or a bullet set apart from its text.
bool looks_like_row(const Line& line) {
    const auto cells = cells_of(line);
    if (cells.size() >= 3) return true;
    if (cells.size() != 2) return false;
    const auto& first = cells.front();
    if (first.size() == 1 && (is_numbering_token(first.front()->text) || is_footnote_label(first.front()->text) ||
                              first.front()->text == "\xE2\x80\xA2" || first.front()->text == "-"))
        return false;
    return true;
}

}  // namespace

std::vector<Line> take_vertical_lines(std::vector<PositionedWord>& words) {
    std::vector<PositionedWord> kept;
    std::vector<Line> lines;
    for (PositionedWord& word : words) {
        if (!is_vertical(word)) {
            kept.push_back(std::move(word));
            continue;
        }
        Line* into = nullptr;
        for (auto it = lines.rbegin(); it != lines.rend() && it - lines.rbegin() < 4; ++it) {
            const PositionedWord& last = it->words.back();
            const double narrower = std::min(last.x1 - last.x0, word.x1 - word.x0);
            const double gap = std::max(word.y0 - last.y1, last.y0 - word.y1);
            if (overlap(last.x0, last.x1, word.x0, word.x1) > 0.5 * narrower && gap < 2.0 * narrower) {
                into = &*it;
                break;
            }
        }
        if (!into) into = &lines.emplace_back();
        into->words.push_back(std::move(word));
    }
    words = std::move(kept);
    for (Line& line : lines) {
        PositionedWord joined = line.words.front();
        for (std::size_t i = 1; i < line.words.size(); ++i) {
            const PositionedWord& w = line.words[i];
            joined.text += ' ' + w.text;
            joined.x0 = std::min(joined.x0, w.x0), joined.x1 = std::max(joined.x1, w.x1);
            joined.y0 = std::min(joined.y0, w.y0), joined.y1 = std::max(joined.y1, w.y1);
        }
        line.words = {std::move(joined)};
        measure_line(line);
    }
    return lines;
}

std::vector<bool> table_rows(const std::vector<Line>& lines) {
    const std::size_t n = lines.size();
    std::vector<bool> row(n, false), rows(n, false);
    for (std::size_t i = 0; i < n; ++i) row[i] = looks_like_row(lines[i]);
    auto close = [&](std::size_t a, std::size_t b) {  // consecutive lines of one block of rows
        const double height = std::max(lines[a].bottom - lines[a].top, 1.0);
        return lines[b].top - lines[a].bottom < 2.5 * height && lines[b].column == lines[a].column;
    };
    for (std::size_t i = 0; i < n;) {
        if (!row[i]) {
            ++i;
            continue;
        }
        // A run of rows, with single lines between them (a cell's text wrapped).
        std::size_t end = i + 1, rows_seen = 1, wide = cells_of(lines[i]).size() >= 3;
        while (end < n && close(end - 1, end)) {
            if (row[end]) {
                ++rows_seen;
                wide += cells_of(lines[end]).size() >= 3;
            } else if (!(end + 1 < n && row[end + 1] && close(end, end + 1))) {
                break;
            }
            ++end;
        }
        if (rows_seen >= 3 || (rows_seen >= 2 && wide >= 1))
            for (std::size_t k = i; k < end; ++k) rows[k] = true;
        i = end;
    }
    return rows;
}

std::string row_text(const Line& line) {
    std::string text;
    for (const auto& cell : cells_of(line)) {
        const std::string cell_text = line_text(line_of(cell));
        if (cell_text.empty()) continue;
        if (!text.empty()) text += kCellSeparator;
        text += cell_text;
    }
    return text;
}

}  // namespace verbatim::layout
