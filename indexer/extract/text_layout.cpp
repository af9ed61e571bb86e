#include "indexer/extract/text_layout.h"

#include "indexer/extract/text_furniture.h"
#include "vocabulary/text.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace verbatim {

namespace {

std::string_view trim(std::string_view s) {
    // Trims ASCII whitespace and the UTF-8 no-break space.
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\f')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\f')) s.remove_suffix(1);
    while (s.size() >= 2 && s.substr(0, 2) == "\xC2\xA0") s.remove_prefix(2);
    while (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") s.remove_suffix(2);
    return s;
}

struct CleanLine {
    std::string text;
    bool emphasised = false;
    bool footnote = false;
    bool rule = false;  // a horizontal rule: a visible break
};

void replace_all(std::string& s, std::string_view from, std::string_view to) {
    for (size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
}

// "[text](#target)" -> "text", in one pass (a regex here blew the stack on long lines).
std::string strip_links(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    size_t close_bracket = 0, close_paren = 0;  // cached next ']' and ')' (linear time)
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '[') {
            if (close_bracket != std::string::npos && close_bracket <= i) close_bracket = s.find(']', i + 1);
            const size_t j = close_bracket;
            if (j != std::string::npos && j + 1 < s.size() && s[j + 1] == '(') {
                if (close_paren != std::string::npos && close_paren <= j + 1) close_paren = s.find(')', j + 2);
                if (close_paren != std::string::npos) {
                    out.append(s, i + 1, j - i - 1);
                    i = close_paren;
                    continue;
                }
            }
        }
        out += s[i];
    }
    return out;
}

// Removes Markdown emphasis and escapes; reports whether the whole line was emphasised.
std::string strip_markdown_inline(std::string s, bool& emphasised) {
    if (s.find("](") != std::string::npos) s = strip_links(s);
    std::string_view t = trim(s);
    emphasised = t.size() > 2 && t.front() == '*' && t.back() == '*';
    replace_all(s, "\\*", "\x01");  // protect escaped asterisks
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        // "*" around words is emphasis; a lone "*" between spaces is kept as text.
        if (s[i] == '*') {
            bool prev_space = i == 0 || s[i - 1] == ' ';
            bool next_space = i + 1 >= s.size() || s[i + 1] == ' ';
            if (!(prev_space && next_space)) continue;
        }
        out += s[i] == '\x01' ? '*' : s[i];
    }
    return out;
}

// "<sup> 12 </sup>" at s[at]: the label ("12", "a", "*", "†") and the end of the tag.
bool read_sup(const std::string& s, size_t at, std::string& label, size_t& end) {
    static constexpr std::string_view kOpen = "<sup>", kClose = "</sup>";
    if (s.compare(at, kOpen.size(), kOpen) != 0) return false;
    size_t i = at + kOpen.size();
    while (i < s.size() && s[i] == ' ') ++i;
    const size_t from = i;
    size_t count = 0;
    const bool digits = i < s.size() && s[i] >= '0' && s[i] <= '9';
    while (i < s.size()) {
        if (digits ? (s[i] >= '0' && s[i] <= '9') : (s[i] >= 'a' && s[i] <= 'z') || s[i] == '*') {
            ++i;
        } else if (!digits && (s.compare(i, 3, "\xE2\x80\xA0") == 0 || s.compare(i, 3, "\xE2\x80\xA1") == 0)) {
            i += 3;  // dagger, double dagger
        } else {
            break;
        }
        ++count;
    }
    if (count == 0 || count > (digits ? 3u : 2u)) return false;
    label = s.substr(from, i - from);
    while (i < s.size() && s[i] == ' ') ++i;
    if (s.compare(i, kClose.size(), kClose) != 0) return false;
    end = i + kClose.size();
    return true;
}

// <sup>N</sup> inline -> footnote marker sentinel; returns true when the line starts
// with one (the line is then the text of footnote N).
bool convert_footnote_markers(std::string& s) {
    if (s.find("<sup>") == std::string::npos) return false;
    const size_t lead = s.find_first_not_of(" \t");
    std::string out;
    out.reserve(s.size());
    bool starts_footnote = false;
    for (size_t i = 0; i < s.size();) {
        std::string label;
        size_t end = 0;
        if (s[i] == '<' && read_sup(s, i, label, end)) {
            if (i == lead && !starts_footnote && trim(std::string_view(s).substr(end)).size() > 0 && out.empty()) {
                starts_footnote = true;
                out = label + " ";
                i = end;
                while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
                continue;
            }
            out += kFootnoteMarkOpen;
            out += label;
            out += kFootnoteMarkClose;
            i = end;
            continue;
        }
        out += s[i++];
    }
    s = std::move(out);
    return starts_footnote;
}

// One raw line -> zero or more clean lines (converters glue bold runs: "**A****B**").
std::vector<CleanLine> clean_line(std::string_view raw) {
    std::vector<CleanLine> out;
    std::string_view line = trim(raw);
    if (line.empty()) return out;
    if (line.find_first_not_of("-_=*") == std::string_view::npos && line.size() >= 3) {
        out.push_back({"", false, false, true});
        return out;
    }
    bool heading = false;
    if (line.front() == '#') {
        heading = true;
        while (!line.empty() && line.front() == '#') line.remove_prefix(1);
        line = trim(line);
    }
    std::string s(line);
    // Runs glued by the converter were separate bold or italic lines in the original.
    const bool glued = s.find("****") != std::string::npos || s.find("***") != std::string::npos;
    replace_all(s, "****", "\n");
    // "prosecutions***Draft recommendation 21*": bold ends, italics begin: two lines.
    for (size_t pos = s.find("***"); pos != std::string::npos; pos = s.find("***", pos + 1))
        if (pos > 0 && s[pos - 1] != '\n' && s[pos - 1] != ' ') s.replace(pos, 3, "**\n*");
    size_t start = 0;
    while (start <= s.size()) {
        size_t end = s.find('\n', start);
        if (end == std::string::npos) end = s.size();
        std::string piece = s.substr(start, end - start);
        start = end + 1;
        bool emphasised = false;
        piece = strip_markdown_inline(piece, emphasised);
        bool footnote = convert_footnote_markers(piece);
        // "\* CTOC/COP/2020/1.": the asterisk note of a title page.
        if (!footnote && out.empty() && piece.rfind("* ", 0) == 0 && line.substr(0, 3) == "\\* ") footnote = true;
        std::string_view t = trim(piece);
        if (t.empty()) continue;
        out.push_back({std::string(t), emphasised || heading || glued, footnote, false});
    }
    return out;
}

}  // namespace

namespace {

// How a plain text is laid out, from one pass over its lines.
struct LineShape {
    // Written one paragraph per line (no blank lines between paragraphs, long lines), as
    // many corpora are: every line is then a block. Hard-wrapped text has short lines.
    bool paragraph_per_line = false;
    // Hard-wrapped with no blank lines between paragraphs (a third of the General Debate
    // speeches): the column width in characters the lines are wrapped to, else 0.
    size_t gapless_column = 0;
};

bool ends_clause(std::string_view line) {
    return vocabulary::ends_sentence(line) || (!line.empty() && line.back() == ',');
}

std::string_view first_word(std::string_view line) {
    line = trim(line);
    return line.substr(0, line.find(' '));
}

// "12. ", "3) ", "12.1 ": a numbered paragraph or item starts the line.
bool starts_numbered(std::string_view line) {
    size_t i = 0;
    while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
    return i > 0 && i < line.size() && (line[i] == '.' || line[i] == ')');
}

// Running headers of a transcript: lines of symbols, dates, counters and job numbers
// ("A/70/PV.15 28/09/2015"), and short lines that come back page after page with only
// their digits changed ("12 General Assembly - Forty-eighth session"). Decided for the
// whole text first, since a header is known by its repetition.
struct RunningHeaders {
    std::unordered_set<size_t> lines;  // numbers of the raw lines that are headers
    std::string symbol, date;          // what the headers say of the document
};

RunningHeaders find_running_headers(const std::string& text) {
    struct Seen {
        size_t count = 0;
        size_t last_line = 0;
        bool apart = false;  // two occurrences stand pages apart, not in a list
        std::vector<size_t> lines;
    };
    std::unordered_map<std::string, Seen> shapes;
    std::vector<std::pair<size_t, HeaderFields>> weak;  // symbol or date alone: if repeated
    RunningHeaders out;
    size_t number = 0, content = 0;
    constexpr size_t kPageApart = 8;  // content lines between two headers at least
    for (size_t begin = 0; begin <= text.size(); ++number) {
        size_t end = text.find('\n', begin);
        if (end == std::string::npos) end = text.size();
        std::string_view line = trim(std::string_view(text.data() + begin, end - begin));
        begin = end + 1;
        if (!line.empty()) ++content;
        HeaderFields fields;
        const bool header_shape = is_header_line(line, fields);
        if (header_shape) {
            if (fields.strong) {
                out.lines.insert(number);
                if (out.symbol.empty()) out.symbol = fields.symbol;
                if (out.date.empty()) out.date = fields.date;
                continue;
            }
            weak.emplace_back(number, fields);
        }
        if (line.empty() || line.size() > 80 || line.find_first_of("0123456789") == std::string_view::npos ||
            vocabulary::ends_sentence(line) || line.front() == '#' || line.front() == '|' ||
            line.find_first_of(",;()\"") != std::string_view::npos || (line.front() >= 'a' && line.front() <= 'z'))
            continue;  // headers are not clauses: "50th meeting, p. 3)" is a wrapped line
        if (starts_numbered(line)) continue;  // "12. Item 4": a numbered paragraph, not a header
        Seen& seen = shapes[digit_shape(line)];
        if (seen.count > 0 && content - seen.last_line >= kPageApart) seen.apart = true;
        ++seen.count;
        seen.last_line = content;
        // A title page prints the symbol its running headers repeat: that one is content.
        if (content > 3 || !header_shape) seen.lines.push_back(number);
    }
    for (const auto& [shape, seen] : shapes)
        if (seen.count >= 2 && seen.apart) out.lines.insert(seen.lines.begin(), seen.lines.end());
    for (const auto& [line, fields] : weak)
        if (out.lines.count(line)) {
            if (out.symbol.empty()) out.symbol = fields.symbol;
            if (out.date.empty()) out.date = fields.date;
        }
    return out;
}

LineShape line_shape(const std::string& text, const std::unordered_set<size_t>& furniture) {
    std::vector<size_t> lengths;  // of the non-blank lines, in characters
    size_t lines = 0, blank = 0, long_lines = 0, ended = 0;
    // Blank lines around furniture are the page break, not a paragraph's end.
    size_t blank_run = 0;
    bool after_furniture = false;
    int page = 0;
    for (size_t begin = 0, number = 0; begin < text.size(); ++number) {
        size_t end = text.find('\n', begin);
        if (end == std::string::npos) end = text.size();
        std::string_view line = trim(std::string_view(text.data() + begin, end - begin));
        begin = end + 1;
        if (line.empty()) {
            ++blank_run;
            continue;
        }
        if (furniture.count(number) || is_page_furniture_line(line, page)) {
            blank_run = 0;
            after_furniture = true;
            continue;
        }
        if (!after_furniture) blank += blank_run;
        lines += blank_run + 1;
        blank_run = 0;
        after_furniture = false;
        lengths.push_back(vocabulary::char_count(line));
        if (line.size() > 200) ++long_lines;
        if (ends_clause(line)) ++ended;
    }
    lines += blank_run;
    LineShape shape;
    // Lines that mostly end their sentence were ended by the writer, not wrapped: in
    // hard-wrapped speeches a sixth of the lines end so, in one-per-line files nine tenths.
    const size_t content = lengths.size();
    // Blank lines do not make it hard-wrapped when its lines are long and end their
    // sentences (a median line of more than 100 characters is no column).
    std::vector<size_t> sorted = lengths;
    std::sort(sorted.begin(), sorted.end());
    const size_t median = sorted.empty() ? 0 : sorted[sorted.size() / 2];
    const bool ended_lines = content >= 3 && ended * 2 >= content;
    shape.paragraph_per_line =
        lines >= 3 && ((blank * 10 < lines && (long_lines * 4 >= content || ended_lines)) ||
                       (ended_lines && median > 100));
    if (shape.paragraph_per_line || lengths.size() < 10 || blank * 20 >= lengths.size()) return shape;
    std::sort(lengths.begin(), lengths.end());
    const size_t column = lengths[lengths.size() * 19 / 20];  // the width lines are wrapped to
    if (column >= 30 && column <= 200) shape.gapless_column = column;  // else a list, a table
    return shape;
}

}  // namespace

ExtractedText lay_out_text(const std::string& text) {
    ExtractedText out;
    const RunningHeaders headers = find_running_headers(text);
    const LineShape shape = line_shape(text, headers.lines);
    const bool line_blocks = shape.paragraph_per_line;
    const size_t column = shape.gapless_column;
    out.header_symbol = headers.symbol;
    out.header_date = headers.date;
    struct Pending {
        SourceLine line;
        size_t chars_before = 0;  // characters of content before this line
    };
    std::vector<Pending> lines;
    std::vector<std::pair<size_t, int>> counters;  // (index of first line after, page closed)
    bool gap = true;
    bool page_break = false;  // furniture since the last content line
    size_t chars = 0;
    size_t begin = 0;
    for (size_t number = 0; begin <= text.size(); ++number) {
        size_t end = text.find('\n', begin);
        if (end == std::string::npos) end = text.size();
        std::string_view raw(text.data() + begin, end - begin);
        begin = end + 1;
        int page = 0;
        if (is_page_furniture_line(trim(raw), page) || headers.lines.count(number)) {
            if (page > 0) counters.emplace_back(lines.size(), page);
            gap = true;
            page_break = true;
            continue;
        }
        std::vector<CleanLine> cleaned = clean_line(raw);
        if (cleaned.empty()) {
            gap = true;
            continue;
        }
        for (CleanLine& c : cleaned) {
            if (c.rule) {
                gap = true;
                continue;
            }
            Pending p;
            p.line.text = std::move(c.text);
            p.line.role = c.footnote ? LineRole::footnote : LineRole::body;
            p.line.starts_block = gap || c.footnote || c.emphasised || line_blocks;
            // A sentence cut by a page break goes on after the page's furniture.
            if (page_break && !lines.empty() && !c.footnote && !c.emphasised &&
                lines.back().line.role == LineRole::body && !lines.back().line.emphasised &&
                !ends_clause(lines.back().line.text))
                p.line.starts_block = false;
            page_break = false;
            p.line.emphasised = c.emphasised;
            p.chars_before = chars;
            chars += p.line.text.size();
            lines.push_back(std::move(p));
            gap = c.emphasised;  // a heading line ends its own block
        }
        if (begin > text.size()) break;
    }
    // Without blank lines, a line that ends a sentence although the next line's first word
    // would have fitted after it was ended by its writer, not by the wrapping: a paragraph.
    if (column > 0)
        for (size_t i = 0; i + 1 < lines.size(); ++i) {
            const std::string& line = lines[i].line.text;
            const std::string& next = lines[i + 1].line.text;
            if (vocabulary::ends_sentence(line) && vocabulary::char_count(line) + 1 + vocabulary::char_count(first_word(next)) <= column)
                lines[i + 1].line.starts_block = true;
        }

    // A counter closes its page: lines after the counter for page k are on page k+1.
    // Before the first counter we only know the pages 1..k; spread them by length.
    if (!counters.empty()) {
        auto [first_after, first_page] = counters.front();
        size_t first_chars = first_after < lines.size() ? lines[first_after].chars_before : chars;
        for (size_t i = 0; i < first_after && i < lines.size(); ++i) {
            int estimate = 1;
            if (first_page > 1 && first_chars > 0)
                estimate = 1 + static_cast<int>(lines[i].chars_before * static_cast<size_t>(first_page) / first_chars);
            lines[i].line.page = std::min(estimate, first_page);
        }
        out.pages_estimated = first_page > 1;
        for (size_t c = 0; c < counters.size(); ++c) {
            size_t from = counters[c].first;
            size_t to = c + 1 < counters.size() ? counters[c + 1].first : lines.size();
            for (size_t i = from; i < to; ++i) lines[i].line.page = counters[c].second + 1;
        }
        // The last counter usually closes the last page: nothing follows it.
        out.page_count = counters.back().first >= lines.size() ? counters.back().second
                                                               : counters.back().second + 1;
    }
    out.lines.reserve(lines.size());
    for (Pending& p : lines) out.lines.push_back(std::move(p.line));
    return out;
}

}  // namespace verbatim
