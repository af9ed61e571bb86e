// The wire format between the PDF child and the indexer: what goes in comes out, and a
// cut or corrupted message is refused rather than half read.
#include <doctest/doctest.h>

#include <stdexcept>

#include "indexer/extract/isolated_extract.h"

using namespace verbatim;

TEST_CASE("an extraction survives the trip through the pipe unchanged") {
    ExtractedText text;
    text.lines.push_back({"1. First paragraph \xE2\x80\x9Cquoted\xE2\x80\x9D", 3, LineRole::body, true, false, 11.5f});
    text.lines.push_back({std::string("fn \0 with a NUL", 15), 4, LineRole::footnote, false, true, 8});
    text.page_count = 7;
    text.pages_estimated = true;
    text.title_block.symbols = {"CTOC/COP/WG.4/2020/4", "A/RES/74/176"};
    text.title_block.date = "2020-09-28";
    text.title_block.title = "Report";
    text.problems.push_back({"x.pdf", 2, "page 2 unreadable"});

    auto back = deserialise_extraction(serialise_extraction(text));
    REQUIRE(std::holds_alternative<ExtractedText>(back));
    const ExtractedText& t = std::get<ExtractedText>(back);
    REQUIRE(t.lines.size() == 2);
    CHECK(t.lines[0].text == text.lines[0].text);
    CHECK(t.lines[0].page == 3);
    CHECK(t.lines[0].starts_block);
    CHECK(t.lines[0].font_size == doctest::Approx(11.5));
    CHECK(t.lines[1].text == text.lines[1].text);
    CHECK(t.lines[1].role == LineRole::footnote);
    CHECK(t.lines[1].emphasised);
    CHECK(t.page_count == 7);
    CHECK(t.pages_estimated);
    CHECK(t.title_block.symbols == text.title_block.symbols);
    CHECK(t.title_block.date == "2020-09-28");
    CHECK(t.title_block.title == "Report");
    REQUIRE(t.problems.size() == 1);
    CHECK(t.problems[0].cause == "page 2 unreadable");
    CHECK(t.problems[0].page == 2);

    auto problem = deserialise_extraction(serialise_extraction(Problem{"y.pdf", 0, "encrypted PDF"}));
    REQUIRE(std::holds_alternative<Problem>(problem));
    CHECK(std::get<Problem>(problem).cause == "encrypted PDF");
}

TEST_CASE("a cut, padded or garbled message is refused") {
    ExtractedText text;
    text.lines.push_back({"a line", 1, LineRole::body, false, false, 0});
    const std::string good = serialise_extraction(text);
    for (size_t cut = 0; cut < good.size(); ++cut)
        CHECK_THROWS_AS(deserialise_extraction(good.substr(0, cut)), std::runtime_error);
    CHECK_THROWS_AS(deserialise_extraction(good + "x"), std::runtime_error);
    std::string huge_count = good;
    huge_count[4] = '\xFF', huge_count[5] = '\xFF', huge_count[6] = '\xFF', huge_count[7] = '\x7F';
    CHECK_THROWS_AS(deserialise_extraction(huge_count), std::runtime_error);
    CHECK_THROWS_AS(deserialise_extraction("VX1Z"), std::runtime_error);
}
