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
