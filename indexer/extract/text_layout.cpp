#include "indexer/extract/text_layout.h"

#include "indexer/extract/page_layout_internal.h"  // ends_sentence, shared with PDF layout

#include <algorithm>
#include <regex>
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

// Job numbers as printed in UN footers: "V.20-05476", "GE.19-13879", "21-02065 (E)".
const std::string kJob = R"((?:[A-Z]{1,3}\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?)";
// Compiled on first use, not at start-up (a search never needs them).
const std::regex& counter_then_job() {
    static const std::regex re("^(\\d{1,4})/(\\d{1,4})(?:\\s+" + kJob + ")?$");
    return re;
}
const std::regex& job_then_counter() {
    static const std::regex re("^" + kJob + "(?:\\s+(\\d{1,4})/(\\d{1,4}))?$");
    return re;
}
const std::regex& page_of() {
    static const std::regex re(R"(^(?:-\s*)?[Pp]age\s+(\d{1,4})(?:\s+of\s+\d{1,4})?(?:\s*-)?$)");
    return re;
}
const std::regex& star_barcode() {
    static const std::regex re(R"(^\*\d{7,}\*$)");
    return re;
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

// Removes Markdown emphasis and escapes; reports whether the whole line was emphasised.
std::string strip_markdown_inline(std::string s, bool& emphasised) {
    static const std::regex kLink(R"(\[([^\]]*)\]\(#?[^)]*\))");
    if (s.find("](") != std::string::npos) s = std::regex_replace(s, kLink, "$1");
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

// <sup>N</sup> inline -> footnote marker sentinel; returns true when the line starts
// with one (the line is then the text of footnote N).
bool convert_footnote_markers(std::string& s) {
    static const std::regex kSup(R"(<sup>\s*([0-9]{1,3}|[a-z*†‡]{1,2})\s*</sup>)");
    if (s.find("<sup>") == std::string::npos) return false;
    std::smatch m;
    bool starts_footnote = false;
    std::string_view t = trim(s);
    if (std::regex_search(s, m, kSup) && m.position(0) == static_cast<long>(t.data() - s.data()) &&
        t.size() > static_cast<size_t>(m.length(0))) {
        starts_footnote = true;
        s = m[1].str() + " " + std::string(trim(m.suffix().str()));
    }
    s = std::regex_replace(s, kSup, std::string(kFootnoteMarkOpen) + "$1" + kFootnoteMarkClose);
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

bool is_page_furniture_line(std::string_view line, int& page) {
    std::string s(trim(line));
    page = 0;
    // Furniture is short and always holds a digit or a '*': a cheap test before the regexes.
    if (s.empty() || s.size() > 40 || s.find_first_of("0123456789*") == std::string::npos) return false;
    std::smatch m;
    if (std::regex_match(s, m, counter_then_job())) {
        page = std::stoi(m[1].str());
        return std::stoi(m[1].str()) <= std::stoi(m[2].str());
    }
    if (std::regex_match(s, m, job_then_counter())) {
        if (m[1].matched) page = std::stoi(m[1].str());
        return true;
    }
    if (std::regex_match(s, m, page_of())) {
        page = std::stoi(m[1].str());
        return true;
    }
    return std::regex_match(s, star_barcode());
}

namespace {

size_t code_points(std::string_view s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

// How a plain text is laid out, from one pass over its lines.
struct LineShape {
    // Written one paragraph per line (no blank lines between paragraphs, long lines), as
    // many corpora are: every line is then a block. Hard-wrapped text has short lines.
    bool paragraph_per_line = false;
    // Hard-wrapped with no blank lines between paragraphs (a third of the General Debate
    // speeches): the column width in characters the lines are wrapped to, else 0.
    size_t gapless_column = 0;
};

LineShape line_shape(const std::string& text) {
    std::vector<size_t> lengths;  // of the non-blank lines, in characters
    size_t lines = 0, blank = 0, long_lines = 0;
    for (size_t begin = 0; begin < text.size();) {
        size_t end = text.find('\n', begin);
        if (end == std::string::npos) end = text.size();
        std::string_view line = trim(std::string_view(text.data() + begin, end - begin));
        ++lines;
        if (line.empty()) ++blank;
        else lengths.push_back(code_points(line));
        if (line.size() > 200) ++long_lines;
        begin = end + 1;
    }
    LineShape shape;
    shape.paragraph_per_line = lines >= 3 && blank * 10 < lines && long_lines * 4 >= lines - blank;
    if (shape.paragraph_per_line || lengths.size() < 10 || blank * 20 >= lengths.size()) return shape;
    std::sort(lengths.begin(), lengths.end());
    const size_t column = lengths[lengths.size() * 19 / 20];  // the width lines are wrapped to
    if (column >= 30 && column <= 200) shape.gapless_column = column;  // else a list, a table
    return shape;
}

std::string_view first_word(std::string_view line) {
    line = trim(line);
    return line.substr(0, line.find(' '));
}

}  // namespace

ExtractedText lay_out_text(const std::string& text) {
    ExtractedText out;
    const LineShape shape = line_shape(text);
    const bool line_blocks = shape.paragraph_per_line;
    const size_t column = shape.gapless_column;
    struct Pending {
        SourceLine line;
        size_t chars_before = 0;  // characters of content before this line
    };
    std::vector<Pending> lines;
    std::vector<std::pair<size_t, int>> counters;  // (index of first line after, page closed)
    bool gap = true;
    size_t chars = 0;
    size_t begin = 0;
    while (begin <= text.size()) {
        size_t end = text.find('\n', begin);
        if (end == std::string::npos) end = text.size();
        std::string_view raw(text.data() + begin, end - begin);
        begin = end + 1;
        int page = 0;
        if (is_page_furniture_line(raw, page)) {
            if (page > 0) counters.emplace_back(lines.size(), page);
            gap = true;
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
            if (layout::ends_sentence(line) && code_points(line) + 1 + code_points(first_word(next)) <= column)
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
