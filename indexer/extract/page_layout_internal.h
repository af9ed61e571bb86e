// Internals of lay_out_pages, shared by the page_layout_*.cpp files and unit tests.
// Not part of the extract stage's interface.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/umachine.h>

#include "indexer/extract/page_layout.h"
#include "model/document.h"
#include "vocabulary/text.h"

namespace verbatim::layout {

// ---------------------------------------------------------------------------
// Text helpers (page_layout_text.cpp)

// UTF-8 in code points, one code point appended as UTF-8, where a sentence ends: the
// vocabulary's, for every stage (vocabulary/text.h).
using vocabulary::append_utf8;
using vocabulary::code_points;
using vocabulary::ends_sentence;

// Ligatures -> letters, soft hyphens and zero-width marks dropped, odd spaces -> ' ',
// symbol-font private-use digits (U+F020..U+F07E) -> ASCII, runs of spaces collapsed, trimmed.
std::string normalise_text(std::string_view text);

std::vector<std::string> split_words(std::string_view text);

// "12." "(a)" "IV." "A." "3)" "(iv)": a paragraph or heading number opening a line.
bool is_numbering_token(std::string_view token);
// "13" "*" "**" "†", or a table note's "a": what opens a footnote in the footnote area.
bool is_footnote_label(std::string_view token);
// First letter of the text (markers, quotes and brackets skipped) is lowercase.
bool starts_lowercase(std::string_view text);
// Text with footnote markers removed.
std::string without_markers(std::string_view text);

// Words of running text as they appear inside lines (no line-end hyphen), lowercased;
// evidence for deciding how to rejoin a word broken at a line end.
struct Vocabulary {
    std::map<std::string, int> counts;
};
Vocabulary collect_vocabulary(const std::vector<SourceLine>& lines);

// "traffick-" + "ing": what the joined word is, given the document's own usage.
std::string join_broken_word(std::string_view left_with_hyphen, std::string_view right,
                             const Vocabulary& vocabulary);

// Resolves line-end hyphenation between consecutive lines of the same role.
void join_hyphenated_lines(std::vector<SourceLine>& lines);

// ---------------------------------------------------------------------------
// Lines (page_layout_lines.cpp)

struct Line {
    std::vector<PositionedWord> words;  // left to right
    double x0 = 0, x1 = 0, top = 0, bottom = 0;
    double baseline = 0;   // bottom of the words in the dominant font size
    double font_size = 0;  // dominant (by characters)
    bool emphasised = false;
    // Filled by the column reader: horizontal extent of the column the line sits in.
    double column_x0 = 0, column_x1 = 0;
    int column = 0;
};

// Char-weighted most common font size of all words (0 when none has a size).
double body_font_size(const std::vector<PageWords>& pages);

// Words with normalised text, empty ones dropped.
std::vector<PositionedWord> normalised_words(const std::vector<PositionedWord>& words);

// Groups words into lines by vertical overlap, top to bottom; words left to right.
std::vector<Line> group_lines(std::vector<PositionedWord> words);

// Recomputes a line's box, dominant size, baseline and emphasis from its words.
void measure_line(Line& line);

// Line text; raised small digits after a word become kFootnoteMarkOpen N kFootnoteMarkClose.
// A leading superscript stays plain text (it is a footnote's own number).
std::string line_text(const Line& line);

// Words drawn rotated a quarter turn (a landscape page's running header along its
// edge, a table's rotated column heads), taken out of `words` and grouped into lines of
// their own, each a single word holding the text in drawing order.
std::vector<Line> take_vertical_lines(std::vector<PositionedWord>& words);

// Rows of tables among a page's body lines (in reading order): runs of lines whose
// words stand in separate cells (gaps wider than word spacing). true for each row.
std::vector<bool> table_rows(const std::vector<Line>& lines);
// A row's text: its cells in reading order joined by kCellSeparator.
std::string row_text(const Line& line);

// Right to left (page_layout_rtl.cpp). A word whose letters are mostly Arabic or Hebrew.
bool is_rtl_word(std::string_view text);
// A word in visual order put back in reading order (marks stay with their letter, digit
// runs keep their order).
std::string reverse_visual(std::string_view text);
// The document's RTL words come in visual order (decided from the letters words begin
// and end with).
bool rtl_in_visual_order(const std::vector<PageWords>& pages);
void restore_rtl_order(std::vector<PositionedWord>& words);

// Body lines in reading order: when a vertical gutter splits most lines, the left
// column is read before the right one (section by section, spanning lines in between).
std::vector<Line> order_reading(std::vector<Line> lines);

// ---------------------------------------------------------------------------
// Furniture and title page (page_layout_furniture.cpp)

struct PageLines {
    int index = 0;
    std::string label;
    double width = 0, height = 0;
    std::vector<Line> lines;      // top to bottom, content only once furniture is removed
    std::vector<Line> furniture;  // running headers/footers, counters, job numbers
    int printed_page = 0;
};

// Digits -> '#', lowercase, single spaces: a running header's identity across pages.
std::string repetition_key(std::string_view text);

// Page counter in a furniture line: "2/7" -> 2, "Page 3 of 9" -> 3, "5" -> 5; 0 if none.
int page_counter(std::string_view text);
// "V.20-05476", "GE.19-13879(E)", "21-02065 (E)" -> the job number; empty if none.
std::string job_number_in(std::string_view text);

// Moves running headers/footers of every page from `lines` to `furniture`: those
// repeated across pages, counters and job numbers, and a header printed on one page
// only (see remove_lone_headers).
void remove_furniture(std::vector<PageLines>& pages, double body_size);

// A running header that occurs once cannot be found by repetition: on a page after the
// first, up to two short lines in the top band, set in a style of their own
// (emphasised or small), separated from the body by a gap of two body sizes or more,
// and ending above the place where the body begins on the other pages.
void remove_lone_headers(std::vector<PageLines>& pages, double body_size);

// Takes the masthead of the first page out of its lines and reads the title block.
TitleBlock take_title_block(std::vector<PageLines>& pages, double body_size);

// Vertical lines at a page's side edge that are furniture (a symbol, job number or
// counter, or repeated on other pages) go to the page's furniture; the others join its
// lines by their top.
void place_vertical_lines(std::vector<PageLines>& pages, std::vector<std::vector<Line>> vertical);

// Printed page number of each page (counter, else numeric label, else index + 1).
void number_pages(std::vector<PageLines>& pages);

}  // namespace verbatim::layout
