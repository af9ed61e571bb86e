#include <doctest/doctest.h>

#include "indexer/extract/text_layout.h"

using namespace verbatim;

TEST_CASE("page furniture lines are recognised, with their page counter") {
    struct Case {
        const char* line;
        bool furniture;
        int page;
    };
    for (Case c : std::initializer_list<Case>{
             {"2/7 V.20-05476", true, 2},
             {"V.20-05476 5/7", true, 5},
             {"GE.19-13879", true, 0},
             {"21-02065 (E)", true, 0},
             {"Page 3 of 9", true, 3},
             {"12/40", true, 12},
             {"*2005476*", true, 0},
             {"In its decision 4/4, the Conference", false, 0},
             {"4/4", true, 4},
             {"9/3", false, 0},  // a counter never exceeds its total
             {"Recommendation 3", false, 0},
             // Issue 22: the vocabulary's job numbers and page lines, as the PDF layout reads them.
             {"GE.19-13879(E) 3/7", true, 3},
             {"25-11430X", true, 0},
             {"P\xC3\xA1gina 2 de 5", true, 2},                                    // Página
             {"- \xD0\xA1\xD1\x82\xD1\x80\xD0\xB0\xD0\xBD\xD0\xB8\xD1\x86\xD0\xB0 4 \xD0\xB8\xD0\xB7 7 -", true, 4},  // Страница 4 из 7
         }) {
        std::string shown = c.line;
        CAPTURE(shown);
        int page = -1;
        CHECK(is_page_furniture_line(c.line, page) == c.furniture);
        if (c.furniture) CHECK(page == c.page);
    }
}

TEST_CASE("a counter closes its page; text after it is on the next page") {
    ExtractedText t = lay_out_text("First page text.\n\n2/3 V.20-05476\n\nSecond page.\n\nV.20-05476 3/3\n");
    REQUIRE(t.lines.size() == 2);
    CHECK(t.lines[0].text == "First page text.");
    CHECK(t.lines[0].page <= 2);
    CHECK(t.lines[1].text == "Second page.");
    CHECK(t.lines[1].page == 3);
    CHECK(t.page_count == 3);
}

TEST_CASE("without counters pages are unknown") {
    ExtractedText t = lay_out_text("One.\n\nTwo.\n");
    REQUIRE(t.lines.size() == 2);
    CHECK(t.lines[0].page == 0);
    CHECK(t.lines[1].starts_block);
}

TEST_CASE("<sup> footnotes become footnote lines and inline markers") {
    ExtractedText t = lay_out_text("Body text<sup>3</sup> continues.\n\n<sup>3</sup> The note.\n");
    REQUIRE(t.lines.size() == 2);
    CHECK(t.lines[0].text == std::string("Body text") + kFootnoteMarkOpen + "3" + kFootnoteMarkClose + " continues.");
    CHECK(t.lines[0].role == LineRole::body);
    CHECK(t.lines[1].text == "3 The note.");
    CHECK(t.lines[1].role == LineRole::footnote);
}

TEST_CASE("converter Markdown is removed") {
    ExtractedText t = lay_out_text(
        "#### *Draft recommendation 1*\n\n**I. Introduction**\n\nSee ([CTOC/COP/WG.4/2019/1](#)) and item\\*\n\n---\n\n"
        "**Agenda item 3****Best practices***Draft recommendation 21*\n");
    std::vector<std::string> texts;
    for (const auto& l : t.lines) texts.push_back(l.text);
    CHECK(texts == std::vector<std::string>{"Draft recommendation 1", "I. Introduction",
                                            "See (CTOC/COP/WG.4/2019/1) and item*", "Agenda item 3",
                                            "Best practices", "Draft recommendation 21"});
    CHECK(t.lines[0].emphasised);
    CHECK(t.lines[4].emphasised);  // glued bold runs were separate lines
}

TEST_CASE("text written one paragraph per line gives one block per line") {
    std::string para(250, 'a');
    ExtractedText t = lay_out_text("Mr. President,\n" + para + ".\n" + para + ".\n" + para + ".\n");
    REQUIRE(t.lines.size() == 4);
    for (const auto& l : t.lines) CHECK(l.starts_block);
    // Hard-wrapped text keeps its lines together.
    ExtractedText wrapped = lay_out_text("A paragraph that is\nwrapped over lines.\n\nAnother one.\n");
    CHECK_FALSE(wrapped.lines[1].starts_block);
}

TEST_CASE("hard-wrapped text without blank lines: a line that ends a sentence with room left ends the paragraph") {
    // As in a third of the General Debate speeches (USA_56_2001): no blank line anywhere.
    const std::string text =
        "We meet in a Hall devoted to\n"
        "peace; in a city scarred by violence; in a nation\n"
        "awakened to danger; in a world uniting for a long\n"
        "struggle. Every civilized nation here today is resolved\n"
        "to keep the most basic commitment of civilization. We\n"
        "will defend ourselves and our future against terror and\n"
        "lawless violence.\n"
        "The United Nations was founded in this cause. In\n"
        "the Second World War, we learned that there is no\n"
        "isolation from evil. We affirmed that some crimes are\n"
        "so terrible they offend humanity itself, and we resolved\n"
        "be opposed early, decisively and collectively, before\n"
        "they threaten us all.\u201D\n"
        "That evil has returned, and that cause is renewed.\n"
        "A few miles from here, many thousands still lie in a\n"
        "tomb of rubble.\n";
    ExtractedText t = lay_out_text(text);
    std::vector<std::string> starts;
    for (const auto& l : t.lines)
        if (l.starts_block) starts.push_back(l.text.substr(0, 12));
    CHECK(starts == std::vector<std::string>{"We meet in a", "The United N", "That evil ha", "A few miles "});
    // "lawless violence." ends a paragraph ("The" would have fitted after it); a full line
    // that ends a sentence does not; nor does anything in a text with blank lines.
    ExtractedText gaps = lay_out_text("A paragraph that is\nshort.\nStill the same one.\n\nAnother.\n");
    CHECK_FALSE(gaps.lines[1].starts_block);
    CHECK_FALSE(gaps.lines[2].starts_block);
}

// Issue 23: running headers of transcripts converted from PDF.
namespace {
std::string joined_blocks(const ExtractedText& t) {
    std::string out;
    for (const SourceLine& l : t.lines) out += (l.starts_block ? "\n|" : " ") + l.text;
    return out;
}
std::string page_of_prose(int n) {
    std::string out;
    for (int i = 0; i < 9; ++i) out += "Line " + std::to_string(n) + "." + std::to_string(i) + " of running text that goes on\n";
    return out;
}
}  // namespace

TEST_CASE("issue 23: running headers are furniture, a paragraph cut by one is rejoined, its date and symbol read") {
    const std::string text = "It gives me great pleasure to speak here.\n" + page_of_prose(1) +
                             "the threats created by humans. However, it\n15-29425 31/34\n\nA/70/PV.15 28/09/2015\n"
                             "also poses a serious challenge to the Organization.\n" +
                             page_of_prose(2) + "28/09/2015 A/70/PV.15\nThe end.\n";
    ExtractedText t = lay_out_text(text);
    const std::string blocks = joined_blocks(t);
    CAPTURE(blocks);
    CHECK(blocks.find("PV.15") == std::string::npos);
    CHECK(blocks.find("28/09/2015") == std::string::npos);
    CHECK(blocks.find("However, it also poses a serious challenge") != std::string::npos);
    CHECK(t.header_symbol == "A/70/PV.15");
    CHECK(t.header_date == "2015-09-28");
}

TEST_CASE("issue 23: short lines that come back page after page with their digits changed are furniture") {
    std::string text;
    for (int page = 3; page < 7; ++page)
        text += std::to_string(page) + " General Assembly - Forty-eighth session\n" + page_of_prose(page) + "\n";
    ExtractedText t = lay_out_text(text);
    const std::string blocks = joined_blocks(t);
    CAPTURE(blocks);
    CHECK(blocks.find("General Assembly") == std::string::npos);
    // A wrapped line of prose that happens to repeat is kept: it is a clause, not a header.
    std::string prose = "the report (see A/50/PV.7,\n50th meeting, p. 3)\n" + page_of_prose(1) +
                        "as cited (see A/50/PV.9,\n50th meeting, p. 9)\n" + page_of_prose(2);
    CHECK(joined_blocks(lay_out_text(prose)).find("50th meeting, p. 9)") != std::string::npos);
    // A symbol alone on a title page stays: it is the document's symbol.
    ExtractedText titled = lay_out_text("CTOC/COP/WG.4/2020/4\n\nReport\n\n" + page_of_prose(1) + "CTOC/COP/WG.4/2020/4\n" +
                                        page_of_prose(2));
    CHECK(titled.lines.front().text == "CTOC/COP/WG.4/2020/4");
}

TEST_CASE("issue 23: one paragraph per line with long lines and stray blank lines gives one block per line") {
    std::string text = "Mr President, Excellencies\nAll protocol observed,\n";
    for (int i = 0; i < 12; ++i)
        text += "Paragraph " + std::to_string(i) + std::string(" says something long enough to be a paragraph of its own, ") +
                "and it goes on for more than a hundred characters before it ends.\n" + (i % 4 == 3 ? " \n" : "");
    ExtractedText t = lay_out_text(text);
    size_t blocks = 0;
    for (const SourceLine& l : t.lines) blocks += l.starts_block;
    CHECK(blocks == 14);
}

TEST_CASE("issue 23: a 400 KB line of link text is read, not a crash") {
    std::string line = "[";
    while (line.size() < 400 * 1024) line += "a ";
    line += "](#x)";
    ExtractedText t = lay_out_text(line + "\n\nA good paragraph.\n");
    REQUIRE(t.lines.size() == 2);
    CHECK(t.lines[0].text.size() > 400 * 1000);
    CHECK(t.lines[0].text.find("](#x)") == std::string::npos);
    CHECK(t.lines[1].text == "A good paragraph.");
    ExtractedText sup = lay_out_text(std::string(300 * 1024, '<') + "<sup>1</sup> text\n");
    CHECK(sup.lines.size() == 1);
}
