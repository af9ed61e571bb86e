// read_pdf_pages and lay_out_pages on real files: UN PDFs and broken inputs.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

#include "indexer/extract/page_layout.h"
#include "indexer/extract/pdf_reader.h"
#include "tests/real_docs.h"

using namespace verbatim;

namespace {

// "corpus/..." is the seed corpus, "un-pdfs/..." the real UN PDFs from outside (see
// tests/real_docs.h); anything else lives under tests/data/.
std::string data(const std::string& relative) {
    if (relative.rfind("corpus/", 0) == 0) return std::string(VERBATIM_SOURCE_DIR) + "/" + relative;
    if (relative.rfind("un-pdfs/", 0) == 0)
        return testing::real_doc(relative, "the checks of real UN PDFs in unit_extract").string();
    return std::string(VERBATIM_SOURCE_DIR) + "/tests/data/" + relative;
}

std::vector<PageWords> pages_of(const std::string& relative) {
    auto result = read_pdf_pages(data(relative));
    if (const auto* problem = std::get_if<Problem>(&result)) FAIL(problem->cause);
    return std::get<std::vector<PageWords>>(result);
}

Problem problem_of(const std::string& relative) {
    auto result = read_pdf_pages(data(relative));
    REQUIRE(std::holds_alternative<Problem>(result));
    return std::get<Problem>(result);
}

bool contains(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

bool any_line(const ExtractedText& text, const std::string& needle) {
    return std::any_of(text.lines.begin(), text.lines.end(),
                       [&](const SourceLine& l) { return contains(l.text, needle); });
}

}  // namespace

TEST_CASE("broken inputs give one Problem each, naming the file and the cause") {
    const Problem empty = problem_of("bad/zero_bytes.pdf");
    CHECK(contains(empty.file, "zero_bytes.pdf"));
    CHECK(empty.page == 0);
    CHECK(contains(empty.cause, "empty file"));

    CHECK(contains(problem_of("bad/random_bytes.pdf").cause, "not a PDF"));
    CHECK(contains(problem_of("bad/encrypted_user_password.pdf").cause, "encrypted"));
    CHECK(contains(problem_of("bad/encrypted_user_password.pdf").cause, "password"));

    const Problem truncated = problem_of("bad/truncated_60_percent.pdf");
    CHECK(contains(truncated.cause, "damaged PDF"));
    CHECK(contains(truncated.cause, "page"));

    CHECK(contains(problem_of("bad/no_such_file.pdf").cause, "cannot read"));
}

TEST_CASE("every good PDF yields pages with positioned words and font sizes") {
    for (const char* name : {"corpus/000_5eede202c1eb311f.pdf", "corpus/001_7d3c025fb8d284f4.pdf",
                             "corpus/002_45ee7947d44a7b42.pdf", "corpus/003_a5e177348e1654f8.pdf",
                             "corpus/004_3a88ebd39cf7b894.pdf", "un-pdfs/A_HRC_WG.6_34_ITA_3_en.pdf",
                             "un-pdfs/A_HRC_WG.6_34_ITA_3_ru.pdf", "un-pdfs/A_INF_76_1_en.pdf"}) {
        CAPTURE(name);
        if (data(name).empty()) continue;
        const std::vector<PageWords> pages = pages_of(name);
        REQUIRE_FALSE(pages.empty());
        for (const PageWords& page : pages) {
            CHECK(page.width > 500);
            CHECK(page.height > 700);
        }
        const PageWords& first = pages.front();
        REQUIRE_FALSE(first.words.empty());
        const PositionedWord& word = first.words.front();
        CHECK(word.font_size > 0);
        CHECK(word.x1 > word.x0);
        CHECK(word.y1 > word.y0);  // y grows downwards
        CHECK(word.y1 < first.height);
    }
}

TEST_CASE("bold is read from the font name") {
    const std::vector<PageWords> pages = pages_of("corpus/001_7d3c025fb8d284f4.pdf");
    const auto& words = pages.front().words;
    const auto united = std::find_if(words.begin(), words.end(),
                                     [](const PositionedWord& w) { return w.text == "United"; });
    REQUIRE(united != words.end());
    CHECK(united->bold);
    CHECK(united->y0 < 120);  // the masthead is at the top: y counts from the top
}

TEST_CASE("001: furniture removed, title block read, hyphenation resolved") {
    const ExtractedText text = lay_out_pages(pages_of("corpus/001_7d3c025fb8d284f4.pdf"));
    CHECK(text.page_count == 6);
    REQUIRE_FALSE(text.title_block.symbols.empty());
    CHECK(text.title_block.symbols.front() == "CTOC/COP/WG.4/2020/4");
    CHECK(text.title_block.date == "2020-09-28");
    CHECK(text.title_block.distribution == "General");
    CHECK(text.title_block.original_language == "English");
    CHECK(text.title_block.job_number == "V.20-05476");
    CHECK(contains(text.title_block.title, "Report on the meeting of the Working Group"));

    std::vector<int> non_punishment_pages;
    for (const SourceLine& line : text.lines) {
        CAPTURE(line.text);
        CHECK_FALSE(contains(line.text, "V.20-05476"));
        CHECK(line.text != "CTOC/COP/WG.4/2020/4");
        CHECK_FALSE(contains(line.text, "traffick- ing"));
        CHECK_FALSE(contains(line.text, "traffick-"));
        CHECK(line.page >= 1);
        CHECK(line.page <= 6);
        if (contains(line.text, "non-punishment principle")) non_punishment_pages.push_back(line.page);
    }
    // Paragraphs 9, 11, 13, 15 and 16 (pages 2 and 3) speak of the non-punishment principle.
    CHECK(std::count(non_punishment_pages.begin(), non_punishment_pages.end(), 2) >= 2);
    CHECK(std::count(non_punishment_pages.begin(), non_punishment_pages.end(), 3) >= 2);
    CHECK(any_line(text, "combat trafficking"));
    CHECK(any_line(text, "Development,"));
    CHECK(any_line(text, "multi-stakeholder"));
    CHECK(any_line(text, "effective application of the non-punishment"));  // "non-pun-" / "ishment"
}

TEST_CASE("001: paragraphs start at their numbers and run on across pages") {
    const ExtractedText text = lay_out_pages(pages_of("corpus/001_7d3c025fb8d284f4.pdf"));
    for (const SourceLine& line : text.lines) {
        CAPTURE(line.text);
        if (line.text.rfind("8. Ms. Labidi", 0) == 0) CHECK(line.starts_block);
        if (line.text.rfind("I. Introduction", 0) == 0) CHECK(line.starts_block);
        // Last line of page 1 ends "on behalf of the"; page 2 carries on.
        if (line.text.rfind("Group of Western European and other States, and Juan", 0) == 0) {
            CHECK(line.page == 2);
            CHECK_FALSE(line.starts_block);
        }
    }
}

TEST_CASE("A/HRC/WG.6/34/ITA/3: footnotes, markers, no job number, printed pages") {
    if (data("un-pdfs/A_HRC_WG.6_34_ITA_3_en.pdf").empty()) return;
    const ExtractedText text = lay_out_pages(pages_of("un-pdfs/A_HRC_WG.6_34_ITA_3_en.pdf"));
    CHECK(text.page_count == 16);
    REQUIRE_FALSE(text.title_block.symbols.empty());
    CHECK(text.title_block.symbols.front() == "A/HRC/WG.6/34/ITA/3");
    CHECK(text.title_block.date == "2019-08-14");
    CHECK(text.title_block.job_number == "GE.19-13879");
    CHECK(contains(text.title_block.title, "Summary of Stakeholders"));

    const auto footnotes = std::count_if(text.lines.begin(), text.lines.end(), [](const SourceLine& l) {
        return l.role == LineRole::footnote;
    });
    CHECK(footnotes > 10);
    CHECK(any_line(text, "* The present document was not edited"));
    CHECK(any_line(text, std::string("submissions") + kFootnoteMarkOpen + "1" + kFootnoteMarkClose));
    for (const SourceLine& line : text.lines) {
        CAPTURE(line.text);
        CHECK_FALSE(contains(line.text, "GE.19-13879"));
        CHECK(line.text != "A/HRC/WG.6/34/ITA/3");
    }
    const auto last = std::max_element(text.lines.begin(), text.lines.end(),
                                       [](const SourceLine& a, const SourceLine& b) { return a.page < b.page; });
    CHECK(last->page == 16);
}

TEST_CASE("the Russian edition yields Cyrillic text") {
    if (data("un-pdfs/A_HRC_WG.6_34_ITA_3_ru.pdf").empty()) return;
    const ExtractedText text = lay_out_pages(pages_of("un-pdfs/A_HRC_WG.6_34_ITA_3_ru.pdf"));
    CHECK(any_line(text, "Совет по правам человека"));
    CHECK(any_line(text, "Италия"));
    REQUIRE_FALSE(text.title_block.symbols.empty());
    CHECK(text.title_block.symbols.front() == "A/HRC/WG.6/34/ITA/3");
}
