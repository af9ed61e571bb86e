#include <doctest/doctest.h>

#include "vocabulary/ascii.h"
#include "model/document.h"

using namespace verbatim;

TEST_CASE("citations are built from the document and the unit") {
    DocumentMeta report;
    report.symbol = "CTOC/COP/WG.4/2020/4";
    report.date = "2020-09-28";
    DocumentMeta notes;
    notes.title = "Speaking notes of the Chair";
    notes.date = "2020-10-13";

    Unit para;
    para.kind = UnitKind::paragraph;
    para.label = "12";
    para.ref = "para. 12";
    para.page_first = para.page_last = 3;
    CHECK(citation_of(report, para) == "CTOC/COP/WG.4/2020/4, para. 12");
    CHECK(pages_of(para) == "p. 3");
    para.page_last = 4;
    CHECK(pages_of(para) == "pp. 3-4");
    para.page_first = 0;
    CHECK(pages_of(para).empty());

    // A document without a symbol is cited by title and date.
    CHECK(citation_of(notes, para) == "Speaking notes of the Chair (13 October 2020), para. 12");
    CHECK(document_reference(notes) == "Speaking notes of the Chair (13 October 2020)");
}

TEST_CASE("human dates") {
    CHECK(human_date("2020-09-28") == "28 September 2020");
    CHECK(human_date("2018-07-02") == "2 July 2018");
    CHECK(human_date("not a date") == "not a date");
    CHECK(human_date("2020-13-01") == "2020-13-01");
}

TEST_CASE("unit kinds round-trip through their names") {
    for (UnitKind k : {UnitKind::heading, UnitKind::paragraph, UnitKind::item, UnitKind::recommendation,
                       UnitKind::footnote, UnitKind::text})
        CHECK(unit_kind_from_string(to_string(k)) == k);
    CHECK_FALSE(unit_kind_from_string("chapter").has_value());
}

TEST_CASE("issue 23: a citation names the restarting part, the preambular paragraph and the table") {
    DocumentMeta doc;
    doc.symbol = "A/79/722";
    Unit u;
    u.kind = UnitKind::paragraph;
    u.ref = "para. 3";
    u.part = "annex";
    CHECK(citation_of(doc, u) == "A/79/722, annex, para. 3");
    u.part = "annex I";
    CHECK(citation_of(doc, u) == "A/79/722, annex I, para. 3");
    u.part.clear();
    u.kind = UnitKind::preambular;
    u.ref = "preambular para. 3";
    doc.symbol = "E/2025/L.1";
    CHECK(citation_of(doc, u) == "E/2025/L.1, preambular para. 3");
    CHECK(unit_kind_from_string("preambular") == UnitKind::preambular);
    CHECK(std::string(to_string(UnitKind::table)) == "table");
    // No symbol, title or name: the file's own name, as the user sees it.
    DocumentMeta speech;
    speech.id = "hrv_75_2020.en";
    speech.source = "/data/ungdc/Session 75 - 2020/HRV_75_2020.txt";
    Unit text;
    text.ref = "para. [3]";
    CHECK(citation_of(speech, text) == "HRV_75_2020, para. [3]");
}

TEST_CASE("ASCII case: A-Z only, whatever the locale; UTF-8 bytes left as they are") {
    const std::pair<std::string_view, std::string_view> cases[] = {
        {"", ""}, {".PDF", ".pdf"}, {"Content-Type", "content-type"}, {"A/RES/74/176", "a/res/74/176"},
        {"ÉTATS-UNIS", "États-unis"},  // É is two bytes of UTF-8, not an ASCII letter
        {"[@`{", "[@`{"},              // the bytes around A-Z and a-z
    };
    for (const auto& c : cases) CHECK(vocabulary::ascii_lower(c.first) == c.second);
}

TEST_CASE("trim: the bytes asked for (by default spaces and line ends) off both ends") {
    struct Case {
        std::string_view in, strip, out;
    };
    const Case cases[] = {
        {"", " \t\r\n", ""},
        {" \t\r\n", " \t\r\n", ""},
        {"  key = value\r", " \t\r\n", "key = value"},
        {"\u00a0x\u00a0", " \t\r\n", "\u00a0x\u00a0"},  // a no-break space is not ASCII space
        {", Germany;", " ,;", "Germany"},
        {"a, b", " ,;", "a, b"},  // inside stays
    };
    for (const Case& c : cases) CHECK(vocabulary::trim(c.in, c.strip) == c.out);
    CHECK(vocabulary::trim("\tx \n") == "x");
}
