// The wire format between the PDF child and the indexer: what goes in comes out, and a
// cut or corrupted message is refused rather than half read.
#include <doctest/doctest.h>

#include <stdexcept>

#include "indexer/extract/isolated_extract.h"

using namespace verbatim;

namespace {

std::vector<PageWords> sample_pages() {
    PageWords page;
    page.index = 2;
    page.label = "iii";
    page.width = 595.276;
    page.height = 841.89;
    PositionedWord word;
    word.text = "\xE2\x80\x9Cquoted\xE2\x80\x9D";
    word.x0 = 72.5, word.y0 = 100.25, word.x1 = 120, word.y1 = 112.75, word.font_size = 11.5;
    word.bold = true, word.underlined = true;
    page.words.push_back(word);
    word.text = std::string("NUL\0inside", 10);
    word.bold = false, word.italic = true, word.struck = true, word.underlined = false;
    page.words.push_back(word);
    page.rules.push_back({72, 700.5, 300});
    return {page, PageWords{}};
}

}  // namespace

TEST_CASE("positioned words survive the trip through the pipe unchanged") {
    const std::vector<PageWords> pages = sample_pages();
    auto back = deserialise_pages(serialise_pages(pages));
    REQUIRE(std::holds_alternative<std::vector<PageWords>>(back));
    const auto& got = std::get<std::vector<PageWords>>(back);
    REQUIRE(got.size() == 2);
    CHECK(got[0].index == 2);
    CHECK(got[0].label == "iii");
    CHECK(got[0].width == pages[0].width);
    CHECK(got[0].height == pages[0].height);
    REQUIRE(got[0].words.size() == 2);
    for (size_t i = 0; i < 2; ++i) {
        const PositionedWord &a = got[0].words[i], &b = pages[0].words[i];
        CHECK(a.text == b.text);
        CHECK(a.x0 == b.x0);
        CHECK(a.y0 == b.y0);
        CHECK(a.x1 == b.x1);
        CHECK(a.y1 == b.y1);
        CHECK(a.font_size == b.font_size);
        CHECK(a.bold == b.bold);
        CHECK(a.italic == b.italic);
        CHECK(a.struck == b.struck);
        CHECK(a.underlined == b.underlined);
    }
    REQUIRE(got[0].rules.size() == 1);
    CHECK(got[0].rules[0].y == 700.5);
    CHECK(got[1].words.empty());

    auto problem = deserialise_pages(serialise_pages(Problem{"y.pdf", 0, "encrypted PDF"}));
    REQUIRE(std::holds_alternative<Problem>(problem));
    CHECK(std::get<Problem>(problem).cause == "encrypted PDF");
}

TEST_CASE("a cut, padded or garbled message is refused") {
    const std::string good = serialise_pages(sample_pages());
    for (size_t cut = 0; cut < good.size(); ++cut)
        CHECK_THROWS_AS(deserialise_pages(good.substr(0, cut)), std::runtime_error);
    CHECK_THROWS_AS(deserialise_pages(good + "x"), std::runtime_error);
    std::string huge_count = good;
    huge_count[4] = '\xFF', huge_count[5] = '\xFF', huge_count[6] = '\xFF', huge_count[7] = '\x7F';
    CHECK_THROWS_AS(deserialise_pages(huge_count), std::runtime_error);
    CHECK_THROWS_AS(deserialise_pages("VX2Z"), std::runtime_error);
}
