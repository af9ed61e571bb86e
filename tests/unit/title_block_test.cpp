#include <doctest/doctest.h>

#include "indexer/extract/text_layout.h"
#include "indexer/structure/title_block.h"

using namespace verbatim;

TEST_CASE("the title page states symbol, date, distribution, original language, title, meeting") {
    ExtractedText text = lay_out_text(
        "CTOC/COP/WG.4/2020/4\n\nDistr.: General 28 September 2020\n\nOriginal: English\n\n"
        "Report on the meeting of the Working Group on Trafficking in Persons held in Vienna on 10 and 11 September 2020\n\n"
        "I. Organization\n\n1. The tenth meeting of the Working Group on Trafficking in Persons was held in Vienna on "
        "10 and 11 September 2020.\n");
    StructuredText s = build_units(text);
    DocumentMeta m = read_document_meta(text, s);
    CHECK(m.symbol == "CTOC/COP/WG.4/2020/4");
    CHECK(m.date == "2020-09-28");
    CHECK(m.distribution == "General");
    CHECK(m.original_language == "English");
    CHECK(m.title.rfind("Report on the meeting", 0) == 0);
    CHECK(m.type == "report");
    CHECK(m.meeting_number == 10);
    CHECK(m.meeting == "tenth meeting of the Working Group on Trafficking in Persons");
    CHECK(m.body == "Working Group on Trafficking in Persons");
    CHECK(m.place == "Vienna");
}

TEST_CASE("a limited draft without a symbol is typed as a draft") {
    ExtractedText text = lay_out_text("Distr.: Limited\n9 September 2019\n\nDraft Report\n\nI. Introduction\n\n1. Text.\n");
    DocumentMeta m = read_document_meta(text, build_units(text));
    CHECK(m.symbol.empty());
    CHECK(m.type == "draft");
    CHECK(m.date == "2019-09-09");
}

// Issue 22: the title block reads dates with the one date reader, in the six languages
// (it read English month names only).
TEST_CASE("a title page's date is read in each of the six UN languages") {
    struct Case {
        const char* date_line;
        const char* iso;
    };
    for (Case c : std::initializer_list<Case>{
             {"9 September 2019", "2019-09-09"},
             {"2 mars 2024", "2024-03-02"},
             {"1er mars 2024", "2024-03-01"},
             {"2 de marzo de 2024", "2024-03-02"},
             {"2 марта 2024 года", "2024-03-02"},
             {"2 \xD8\xA2\xD8\xB0\xD8\xA7\xD8\xB1/\xD9\x85\xD8\xA7\xD8\xB1\xD8\xB3 2024", "2024-03-02"},  // آذار/مارس
             {"2024\xE5\xB9\xB4" "3\xE6\x9C\x88" "2\xE6\x97\xA5", "2024-03-02"},  // 2024年3月2日
         }) {
        const std::string shown = c.date_line;
        CAPTURE(shown);
        ExtractedText text =
            lay_out_text(std::string("Distr.: Limited\n\n") + c.date_line + "\n\nDraft Report\n\nI. Introduction\n\n1. Text.\n");
        CHECK(read_document_meta(text, build_units(text)).date == std::string(c.iso));
    }
}
