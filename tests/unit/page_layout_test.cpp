// lay_out_pages on pages built by hand: one case per layout rule.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "indexer/extract/page_layout.h"
#include "indexer/extract/page_layout_internal.h"

using namespace verbatim;

namespace {

constexpr double kLeft = 100;
constexpr double kRight = 500;

struct LineStyle {
    double x0 = kLeft;
    double x1 = kRight;   // justify to this edge; 0 = natural width
    double size = 10;
    bool bold = false;
};

double natural_width(const std::string& word, double size) {
    return 0.5 * size * static_cast<double>(word.size());
}

// Adds one line of words on `baseline`, spread to style.x1 like justified text.
void add_line(PageWords& page, const std::string& text, double baseline, LineStyle style = {}) {
    const std::vector<std::string> words = layout::split_words(text);
    double total = 0;
    for (const std::string& w : words) total += natural_width(w, style.size);
    double gap = 0.25 * style.size;
    if (style.x1 > 0 && words.size() > 1) {
        const double stretched = (style.x1 - style.x0 - total) / static_cast<double>(words.size() - 1);
        gap = std::max(gap, std::min(stretched, 0.6 * style.size));
    }
    double x = style.x0;
    for (const std::string& w : words) {
        PositionedWord word;
        word.text = w;
        word.x0 = x;
        word.x1 = x + natural_width(w, style.size);
        word.y0 = baseline - 0.8 * style.size;
        word.y1 = baseline + 0.2 * style.size;
        word.font_size = style.size;
        word.bold = style.bold;
        page.words.push_back(word);
        x = word.x1 + gap;
    }
}

// A raised small figure right after the last word added: a footnote reference.
void add_superscript(PageWords& page, const std::string& digits, double baseline) {
    const PositionedWord& last = page.words.back();
    PositionedWord mark;
    mark.text = digits;
    mark.x0 = last.x1 + 0.2;
    mark.x1 = mark.x0 + 3.0 * static_cast<double>(digits.size());
    mark.y1 = baseline - 3.5;
    mark.y0 = mark.y1 - 5.0;
    mark.font_size = 6;
    page.words.push_back(mark);
}

PageWords blank_page(int index) {
    PageWords page;
    page.index = index;
    page.label = std::to_string(index + 1);
    page.width = 595;
    page.height = 842;
    return page;
}

// Fills a page with `count` full body lines from `first_baseline`, 12 pt apart.
double add_body(PageWords& page, double first_baseline, int count, const std::string& stem) {
    double y = first_baseline;
    for (int i = 0; i < count; ++i, y += 12)
        add_line(page, stem + " line " + std::to_string(i) + " of running text in this paragraph", y);
    return y;
}

std::vector<std::string> texts(const ExtractedText& text) {
    std::vector<std::string> out;
    for (const SourceLine& line : text.lines) out.push_back(line.text);
    return out;
}

bool any_contains(const ExtractedText& text, const std::string& needle) {
    return std::any_of(text.lines.begin(), text.lines.end(),
                       [&](const SourceLine& l) { return l.text.find(needle) != std::string::npos; });
}

const SourceLine* find_line(const ExtractedText& text, const std::string& needle) {
    for (const SourceLine& line : text.lines)
        if (line.text.find(needle) != std::string::npos) return &line;
    return nullptr;
}

std::string marker(const std::string& label) {
    return std::string(kFootnoteMarkOpen) + label + kFootnoteMarkClose;
}

}  // namespace

TEST_CASE("a running header repeated on several pages is removed, wherever its wording comes from") {
    std::vector<PageWords> pages;
    for (int i = 0; i < 3; ++i) {
        PageWords page = blank_page(i);
        add_line(page, "Informal working draft circulated to delegates", 40, {.x1 = 0});
        add_body(page, 100, 8, "Page " + std::to_string(i) + " body");
        pages.push_back(page);
    }
    const ExtractedText text = lay_out_pages(pages);
    CHECK_FALSE(any_contains(text, "Informal working draft"));
    CHECK(any_contains(text, "Page 2 body line 7"));
    CHECK(text.page_count == 3);
}

TEST_CASE("a top line that appears only once is content, not a header") {
    std::vector<PageWords> pages;
    for (int i = 0; i < 3; ++i) {
        PageWords page = blank_page(i);
        add_line(page, i == 1 ? "A heading that only this page has" : "Repeated header", 40, {.x1 = 0});
        add_body(page, 100, 8, "Body " + std::to_string(i));
        pages.push_back(page);
    }
    const ExtractedText text = lay_out_pages(pages);
    CHECK(any_contains(text, "A heading that only this page has"));
    CHECK_FALSE(any_contains(text, "Repeated header"));
}

TEST_CASE("page counters and job numbers in the footer give the printed page number and are removed") {
    std::vector<PageWords> pages;
    for (int i = 0; i < 2; ++i) {
        PageWords page = blank_page(i);
        page.label = "";
        add_body(page, 100, 8, "Body " + std::to_string(i));
        add_line(page, std::to_string(i + 3) + "/9 V.20-05476", 800, {.x1 = 0});
        pages.push_back(page);
    }
    PageWords third = blank_page(2);
    add_body(third, 100, 8, "Third");
    add_line(third, "Page 7 of 9", 800, {.x1 = 0});
    pages.push_back(third);

    const ExtractedText text = lay_out_pages(pages);
    CHECK_FALSE(any_contains(text, "V.20-05476"));
    CHECK_FALSE(any_contains(text, "Page 7 of 9"));
    REQUIRE(find_line(text, "Body 0 line 0"));
    CHECK(find_line(text, "Body 0 line 0")->page == 3);
    CHECK(find_line(text, "Body 1 line 0")->page == 4);
    CHECK(find_line(text, "Third line 0")->page == 7);
    CHECK(layout::page_counter("2/7") == 2);
    CHECK(layout::page_counter("V.20-05476 5/7") == 5);
    CHECK(layout::page_counter("GE.19-13879") == 0);
}

TEST_CASE("without a counter the numeric page label, else the physical index, numbers the page") {
    PageWords labelled = blank_page(0);
    labelled.label = "12";
    add_body(labelled, 100, 3, "Labelled");
    PageWords roman = blank_page(1);
    roman.label = "iv";
    add_body(roman, 100, 3, "Roman");
    const ExtractedText text = lay_out_pages({labelled, roman});
    CHECK(find_line(text, "Labelled line 0")->page == 12);
    CHECK(find_line(text, "Roman line 0")->page == 2);
}

TEST_CASE("the first page's masthead feeds the title block and leaves the body") {
    PageWords page = blank_page(0);
    add_line(page, "United Nations", 95, {.x0 = 60, .x1 = 0, .size = 17, .bold = true});
    add_line(page, "CTOC/COP/WG.4/2020/4", 95, {.x0 = 370, .x1 = 0, .size = 15});
    add_line(page, "Distr.: General", 122, {.x0 = 390, .x1 = 0});
    add_line(page, "28 September 2020", 135, {.x0 = 390, .x1 = 0});
    add_line(page, "Original: English", 148, {.x0 = 390, .x1 = 0});
    add_line(page, "Report on the meeting of the Working Group", 175, {.x0 = 60, .x1 = 0, .size = 12, .bold = true});
    add_line(page, "I. Introduction", 205, {.x0 = 60, .x1 = 0, .size = 12, .bold = true});
    add_body(page, 230, 6, "Body");
    add_line(page, "V.20-05476 (E)", 805, {.x0 = 60, .x1 = 0, .size = 9});

    const ExtractedText text = lay_out_pages({page});
    const TitleBlock& block = text.title_block;
    REQUIRE(block.symbols.size() == 1);
    CHECK(block.symbols[0] == "CTOC/COP/WG.4/2020/4");
    CHECK(block.date == "2020-09-28");
    CHECK(block.distribution == "General");
    CHECK(block.original_language == "English");
    CHECK(block.job_number == "V.20-05476");
    CHECK(block.title == "Report on the meeting of the Working Group");
    CHECK_FALSE(any_contains(text, "Distr."));
    CHECK_FALSE(any_contains(text, "United Nations"));
    CHECK(text.lines.front().text == "Report on the meeting of the Working Group");
}

TEST_CASE("a word broken at a line end is joined, a hyphenated compound keeps its hyphen") {
    PageWords page = blank_page(0);
    add_line(page, "instrument adopted by the parties to combat traffick-", 100);
    add_line(page, "ing in persons and the principle of non-", 112);
    add_line(page, "punishment of victims on behalf of the Asia-", 124);
    add_line(page, "Pacific States and other groups of the region and Develop-", 136);
    add_line(page, "ment agencies.", 148, {.x1 = 0});
    const ExtractedText text = lay_out_pages({page});
    const std::vector<std::string> lines = texts(text);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == "instrument adopted by the parties to combat trafficking");
    CHECK(lines[1] == "in persons and the principle of non-punishment");
    CHECK(lines[2] == "of victims on behalf of the Asia-Pacific");
    CHECK(lines[3] == "States and other groups of the region and Development");
    CHECK(lines[4] == "agencies.");
}

TEST_CASE("the document's own spelling decides how a broken word is rejoined") {
    layout::Vocabulary vocabulary;
    CHECK(layout::join_broken_word("inter-", "national", vocabulary) == "international");
    CHECK(layout::join_broken_word("multi-", "stakeholder", vocabulary) == "multi-stakeholder");
    CHECK(layout::join_broken_word("non-pun-", "ishment", vocabulary) == "non-punishment");
    CHECK(layout::join_broken_word("COVID-", "19", vocabulary) == "COVID-19");
    vocabulary.counts["inter-agency"] = 2;
    vocabulary.counts["multidisciplinary"] = 1;
    CHECK(layout::join_broken_word("inter-", "agency", vocabulary) == "inter-agency");
    CHECK(layout::join_broken_word("multi-", "disciplinary,", vocabulary) == "multidisciplinary,");
}

TEST_CASE("a paragraph running over a page break does not start a new block") {
    PageWords first = blank_page(0);
    add_line(first, "12. First paragraph of the page with a number set in the margin", 100,
             {.x0 = 80});
    add_body(first, 112, 5, "First");
    add_line(first, "and the Working Group decided that it would continue", 172);
    PageWords second = blank_page(1);
    add_line(second, "its work at the next session with the same bureau members", 100);
    add_line(second, "in the following year.", 112, {.x1 = 0});
    add_line(second, "13. The next paragraph starts here with its own number", 124, {.x0 = 80});
    add_line(second, "Unnumbered paragraph after a blank line of white space", 148);

    const ExtractedText text = lay_out_pages({first, second});
    CHECK(find_line(text, "12. First")->starts_block);
    CHECK_FALSE(find_line(text, "First line 0")->starts_block);
    CHECK_FALSE(find_line(text, "its work at the next session")->starts_block);
    CHECK(find_line(text, "13. The next")->starts_block);
    CHECK(find_line(text, "Unnumbered paragraph")->starts_block);
}

TEST_CASE("a lowercase first line after a full stop continues the paragraph across pages") {
    PageWords first = blank_page(0);
    add_body(first, 100, 4, "First");
    add_line(first, "see the report of the Secretary-General, A/75/123, para. 4.", 148);
    PageWords second = blank_page(1);
    add_line(second, "and the related resolutions adopted by the Assembly in 2019", 100);
    const ExtractedText text = lay_out_pages({first, second});
    CHECK_FALSE(find_line(text, "and the related resolutions")->starts_block);
}

TEST_CASE("footnote areas: smaller type at the foot, numbered notes, notes continued on the next page") {
    PageWords first = blank_page(0);
    add_body(first, 100, 6, "Body one");
    add_line(first, "the principle applies", 172, {.x1 = 0});
    add_superscript(first, "1", 172);
    add_line(first, "Text of the first note", 700, {.x0 = 110, .size = 8});
    first.words.push_back({"1", 100, 692, 103, 697, 6, false, false, false, false});
    add_line(first, "that runs onto a second line", 710, {.x0 = 110, .size = 8});
    add_line(first, "Beginning of note two which", 720, {.x0 = 110, .size = 8});
    first.words.push_back({"2", 100, 712, 103, 717, 6, false, false, false, false});

    PageWords second = blank_page(1);
    add_body(second, 100, 6, "Body two");
    add_line(second, "continues on the following page.", 700, {.x0 = 110, .size = 8});
    add_line(second, "Third note.", 710, {.x0 = 110, .size = 8, .bold = false});
    second.words.push_back({"3", 100, 702, 103, 707, 6, false, false, false, false});

    const ExtractedText text = lay_out_pages({first, second});
    const SourceLine* note1 = find_line(text, "Text of the first note");
    REQUIRE(note1);
    CHECK(note1->role == LineRole::footnote);
    CHECK(note1->starts_block);
    CHECK(note1->text.rfind("1 Text", 0) == 0);
    const SourceLine* note1_more = find_line(text, "that runs onto");
    CHECK(note1_more->role == LineRole::footnote);
    CHECK_FALSE(note1_more->starts_block);
    const SourceLine* continued = find_line(text, "continues on the following page.");
    REQUIRE(continued);
    CHECK(continued->role == LineRole::footnote);
    CHECK_FALSE(continued->starts_block);
    CHECK(find_line(text, "3 Third note.")->starts_block);
    CHECK(find_line(text, "Body two line 0")->role == LineRole::body);

    // The first page's notes come after its body and before the next page's body.
    const auto position = [&](const std::string& needle) {
        return std::find_if(text.lines.begin(), text.lines.end(), [&](const SourceLine& l) {
                   return l.text.find(needle) != std::string::npos;
               }) - text.lines.begin();
    };
    CHECK(position("the principle applies") < position("Text of the first note"));
    CHECK(position("Beginning of note two") < position("Body two line 0"));
}

TEST_CASE("a raised small figure after a word becomes an inline footnote marker") {
    PageWords page = blank_page(0);
    add_line(page, "the non-punishment principle", 100, {.x1 = 0});
    add_superscript(page, "13", 100);
    PositionedWord after;
    after.text = "applies";
    after.x0 = page.words.back().x1 + 2.5;
    after.x1 = after.x0 + 35;
    after.y0 = 92;
    after.y1 = 102;
    after.font_size = 10;
    page.words.push_back(after);
    const ExtractedText text = lay_out_pages({page});
    REQUIRE(text.lines.size() == 1);
    CHECK(text.lines[0].text == "the non-punishment principle" + marker("13") + " applies");
}

TEST_CASE("two columns are read left column first, then right column") {
    PageWords page = blank_page(0);
    add_line(page, "A title that spans both columns of the page", 80, {.x0 = 60, .x1 = 540, .size = 14, .bold = true});
    for (int i = 0; i < 10; ++i) {
        const double y = 110 + 12 * i;
        add_line(page, "Left column text line " + std::to_string(i), y, {.x0 = 60, .x1 = 280});
        add_line(page, "Right column text line " + std::to_string(i), y, {.x0 = 320, .x1 = 540});
    }
    const ExtractedText text = lay_out_pages({page});
    const std::vector<std::string> lines = texts(text);
    REQUIRE(lines.size() == 21);
    CHECK(lines[0] == "A title that spans both columns of the page");
    CHECK(lines[1] == "Left column text line 0");
    CHECK(lines[10] == "Left column text line 9");
    CHECK(lines[11] == "Right column text line 0");
    CHECK(lines[20] == "Right column text line 9");
}

TEST_CASE("a hanging paragraph number is not taken for a column gutter") {
    PageWords page = blank_page(0);
    for (int i = 0; i < 10; ++i) {
        const double y = 100 + 12 * i;
        if (i % 3 == 0) add_line(page, std::to_string(i) + ".", y, {.x0 = 60, .x1 = 0});
        add_line(page, "Paragraph text line " + std::to_string(i) + " running to the margin", y,
                 {.x0 = 90});
    }
    const ExtractedText text = lay_out_pages({page});
    CHECK(texts(text)[0] == "0. Paragraph text line 0 running to the margin");
}

TEST_CASE("ligatures, soft hyphens and odd spaces are normalised") {
    CHECK(layout::normalise_text("\xEF\xAC\x81nancial \xEF\xAC\x82ows") == "financial flows");
    CHECK(layout::normalise_text("e\xEF\xAC\x83" "cient a\xEF\xAC\x80" "ord") == "efficient afford");
    CHECK(layout::normalise_text("pro\xC2\xAD" "tection") == "protection");
    CHECK(layout::normalise_text("10\xC2\xA0" "September\xE2\x80\x89 2020  ") == "10 September 2020");

    PageWords page = blank_page(0);
    add_line(page, "illicit \xEF\xAC\x81nancial \xEF\xAC\x82ows", 100, {.x1 = 0});
    const ExtractedText text = lay_out_pages({page});
    REQUIRE(text.lines.size() == 1);
    CHECK(text.lines[0].text == "illicit financial flows");
}

TEST_CASE("font size and emphasis are carried on each line") {
    PageWords page = blank_page(0);
    add_line(page, "II. Recommendations", 100, {.x1 = 0, .size = 12, .bold = true});
    add_line(page, "Plain body text follows the heading here.", 125, {.x1 = 0});
    const ExtractedText text = lay_out_pages({page});
    REQUIRE(text.lines.size() == 2);
    CHECK(text.lines[0].emphasised);
    CHECK(text.lines[0].font_size == doctest::Approx(12));
    CHECK_FALSE(text.lines[1].emphasised);
    CHECK(text.lines[1].font_size == doctest::Approx(10));
    CHECK(text.lines[1].starts_block);
}

// Two pages as in a speech: page 1 starts at `body_start`, page 2 carries `header` high
// above its body (which starts where page 1's does).
std::vector<PageWords> speech_with_header(const std::string& header, double header_baseline,
                                          LineStyle header_style, double body_start = 100) {
    PageWords first = blank_page(0);
    add_body(first, body_start, 10, "First page");
    PageWords second = blank_page(1);
    add_line(second, header, header_baseline, header_style);
    add_body(second, body_start, 4, "Second page");
    return {first, second};
}

TEST_CASE("a bold short line above the body on one later page only is a running header") {
    const ExtractedText text = lay_out_pages(speech_with_header("Speaking notes", 60, {.x1 = 0, .bold = true}));
    CHECK_FALSE(any_contains(text, "Speaking notes"));
    const SourceLine* body = find_line(text, "Second page line 0");
    REQUIRE(body != nullptr);
    CHECK(body->text.rfind("Second page", 0) == 0);
    CHECK(body->page == 2);
}

TEST_CASE("a small-type short line above the body on a later page is a running header") {
    const ExtractedText text = lay_out_pages(speech_with_header("Draft, not for citation", 60, {.x1 = 0, .size = 8}));
    CHECK_FALSE(any_contains(text, "not for citation"));
}

TEST_CASE("a lone top line stays content unless position and style both say header") {
    SUBCASE("set in body style") {
        CHECK(any_contains(lay_out_pages(speech_with_header("Speaking notes", 60, {.x1 = 0})), "Speaking notes"));
    }
    SUBCASE("close to the body below it") {
        CHECK(any_contains(lay_out_pages(speech_with_header("Speaking notes", 86, {.x1 = 0, .bold = true})),
                           "Speaking notes"));
    }
    SUBCASE("a heading where the body starts on the other pages") {
        // Page 2's body starts lower; its heading sits where page 1's text begins.
        std::vector<PageWords> pages = speech_with_header("Annex", 100, {.x1 = 0, .bold = true}, 100);
        pages[1] = blank_page(1);
        add_line(pages[1], "Annex", 100, {.x1 = 0, .bold = true});
        add_body(pages[1], 140, 4, "Second page");
        CHECK(any_contains(lay_out_pages(pages), "Annex"));
    }
    SUBCASE("a numbered heading or a sentence") {
        CHECK(any_contains(lay_out_pages(speech_with_header("II. Findings", 60, {.x1 = 0, .bold = true})),
                           "II. Findings"));
        CHECK(any_contains(lay_out_pages(speech_with_header("Thank you.", 60, {.x1 = 0, .bold = true})),
                           "Thank you."));
    }
    SUBCASE("a long line") {
        const std::string wide = "Statement by the representative of a State party on several agenda items";
        CHECK(any_contains(lay_out_pages(speech_with_header(wide, 60, {.bold = true})), "several agenda items"));
    }
    SUBCASE("on the first page") {
        PageWords only = blank_page(0);
        add_line(only, "Speaking notes", 60, {.x1 = 0, .bold = true});
        add_body(only, 100, 4, "Body");
        CHECK(any_contains(lay_out_pages({only}), "Speaking notes"));
    }
}

TEST_CASE("rows of a table keep their cells apart; prose lines stay prose") {
    PageWords page = blank_page(0);
    add_body(page, 100, 4, "Before");
    // Three columns with wide gaps between the cells.
    for (int row = 0; row < 4; ++row) {
        const double y = 200 + 14.0 * row;
        add_line(page, row == 0 ? "Session" : "Row" + std::to_string(row), y, {.x0 = 100, .x1 = 0});
        add_line(page, row == 0 ? "Opening" : "Tuesday", y, {.x0 = 250, .x1 = 0});
        add_line(page, row == 0 ? "Debate" : "Monday", y, {.x0 = 400, .x1 = 0});
    }
    add_body(page, 300, 3, "After");
    const ExtractedText text = lay_out_pages({page});
    const SourceLine* header = find_line(text, "Session | Opening | Debate");
    REQUIRE(header);
    CHECK(header->role == LineRole::table);
    REQUIRE(find_line(text, "Row2 | Tuesday | Monday"));
    REQUIRE(find_line(text, "Before line 0"));
    CHECK(find_line(text, "Before line 0")->role == LineRole::body);
    CHECK(find_line(text, "After line 0")->role == LineRole::body);
}

TEST_CASE("a landscape page's running header drawn along its edge is furniture") {
    std::vector<PageWords> pages;
    for (int i = 0; i < 3; ++i) {
        PageWords page = blank_page(i);
        page.width = 842;
        page.height = 595;
        add_body(page, 100, 6, "Body " + std::to_string(i));
        // "A/AC.172/2025/2" rotated a quarter turn at the left edge: a tall, narrow box.
        PositionedWord symbol;
        symbol.text = "A/AC.172/2025/2";
        symbol.x0 = 30, symbol.x1 = 40, symbol.y0 = 200, symbol.y1 = 280, symbol.font_size = 10;
        page.words.push_back(symbol);
        PositionedWord job;
        job.text = "25-01529";
        job.x0 = 30, job.x1 = 40, job.y0 = 450, job.y1 = 495, job.font_size = 10;
        page.words.push_back(job);
        pages.push_back(page);
    }
    const ExtractedText text = lay_out_pages(pages);
    CHECK_FALSE(any_contains(text, "A/AC.172/2025/2"));
    CHECK_FALSE(any_contains(text, "25-01529"));
    CHECK(text.title_block.job_number == "25-01529");
    CHECK(any_contains(text, "Body 2 line 5"));
}

TEST_CASE("a number set apart at the top of a page opens a paragraph after a figure's labels") {
    PageWords first = blank_page(0);
    add_body(first, 100, 5, "Forty");
    add_line(first, "Debt stock Debt flow", 300, {.x0 = 150, .x1 = 0});
    PageWords second = blank_page(1);
    add_line(second, "41.", 100, {.x0 = 100, .x1 = 0});
    add_line(second, "The Committee considered the coverage of the adjustment and", 100, {.x0 = 130});
    add_body(second, 112, 3, "Continued");
    const ExtractedText text = lay_out_pages({first, second});
    const SourceLine* line = find_line(text, "41. The Committee considered");
    REQUIRE(line);
    CHECK(line->starts_block);
}

TEST_CASE("issue 18: the printed page of each physical page is kept, so a unit opens at its PDF page") {
    PageWords cover = blank_page(0);
    cover.label = "";
    add_body(cover, 100, 3, "Cover");
    PageWords first = blank_page(1);
    first.label = "7";  // printed page 7 is the file's page 2
    add_body(first, 100, 3, "Seven");
    const ExtractedText text = lay_out_pages({cover, first});
    CHECK(text.printed_pages == std::vector<int>{1, 7});
    CHECK(find_line(text, "Seven line 0")->page == 7);
}

TEST_CASE("Arabic given in visual order is read in reading order, right to left") {
    // Poppler's words for "المجموعة العربية" (the Arab Group), as it gives them: each word's
    // letters reversed, the words laid out from right to left.
    std::vector<PageWords> pages;
    PageWords page = blank_page(0);
    const std::string group = layout::reverse_visual("المجموعة");
    const std::string arab = layout::reverse_visual("العربية");
    add_line(page, arab + " " + group, 100, {.x0 = 300, .x1 = 0});  // leftmost is the last word
    add_body(page, 130, 3, "English");
    pages.push_back(page);
    CHECK(layout::rtl_in_visual_order(pages));
    const ExtractedText text = lay_out_pages(pages);
    CHECK(any_contains(text, "المجموعة العربية"));
    CHECK(layout::reverse_visual("٢٤٠ ةدام") == "مادة ٢٤٠");  // digits keep their order
    CHECK_FALSE(layout::is_rtl_word("Group"));
}
