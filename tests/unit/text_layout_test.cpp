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
