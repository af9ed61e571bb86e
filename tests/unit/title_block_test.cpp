#include <doctest/doctest.h>

#include "indexer/extract/text_layout.h"
#include "indexer/structure/title_block.h"

using namespace verbatim;

TEST_CASE("dates, symbols and ordinals") {
    CHECK(find_date("Distr.: General 28 September 2020") == "2020-09-28");
    CHECK(find_date("Tuesday, 13 October 2020") == "2020-10-13");
    CHECK(find_date("no date here").empty());
    CHECK(looks_like_symbol("CTOC/COP/WG.4/2020/4"));
    CHECK(looks_like_symbol("A/HRC/WG.6/34/ITA/3"));
    CHECK(looks_like_symbol("E/CN.15/2019/L.3/Rev.1"));
    CHECK_FALSE(looks_like_symbol("Original: English"));
    CHECK_FALSE(looks_like_symbol("UN/DESA"));
    CHECK(ordinal_value("tenth") == 10);
    CHECK(ordinal_value("1st") == 1);
    CHECK(ordinal_value("Ninth") == 9);
    CHECK(ordinal_value("meeting") == 0);
}

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
