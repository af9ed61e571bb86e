// The stored unit record: every field survives the round trip, and any damaged record
// is refused with a DecodeError (never read past its end).
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>

#include "model/unit_record.h"
#include "model/varint.h"

using namespace verbatim;

namespace {

// A unit with every field set to something other than its default.
Unit full_unit() {
    Unit u;
    u.anchor = "para-36-b";
    u.kind = UnitKind::item;
    u.number = "b";
    u.label = "36 (b)";
    u.ref = "para. 36 (b)";
    u.parent = "para-36";
    u.part = "annex I";
    u.heading_path = {"III. Recommendations", "A. Victims"};
    u.text = "Ensure the non-punishment of victims \xE2\x80\x9C" "as stated\xE2\x80\x9D [add: Canada].";
    u.page_first = 3;
    u.page_last = 4;
    u.number_inferred = true;
    u.footnotes = {"fn-17", "fn-18"};
    u.seq = 301;
    u.draft = true;
    u.cites = {"A/RES/74/176"};
    u.quotations = {{"A/RES/74/176, para. 7", "A/RES/74/176", 37, 46}};
    u.status = "agreed as amended";
    u.changes = {{"add", {"Canada"}, "victims", ""}, {"replace", {"Mexico", "United Kingdom"}, "ensure", "'guarantee'"}};
    u.countries = {"Canada", "Mexico", "United Kingdom"};
    return u;
}

void check_same(const Unit& a, const Unit& b) {
    CHECK(a.anchor == b.anchor);
    CHECK(a.kind == b.kind);
    CHECK(a.number == b.number);
    CHECK(a.label == b.label);
    CHECK(a.ref == b.ref);
    CHECK(a.parent == b.parent);
    CHECK(a.part == b.part);
    CHECK(a.heading_path == b.heading_path);
    CHECK(a.text == b.text);
    CHECK(a.page_first == b.page_first);
    CHECK(a.page_last == b.page_last);
    CHECK(a.number_inferred == b.number_inferred);
    CHECK(a.footnotes == b.footnotes);
    CHECK(a.seq == b.seq);
    CHECK(a.draft == b.draft);
    CHECK(a.cites == b.cites);
    REQUIRE(a.quotations.size() == b.quotations.size());
    for (size_t i = 0; i < a.quotations.size(); ++i) {
        CHECK(a.quotations[i].source == b.quotations[i].source);
        CHECK(a.quotations[i].symbol == b.quotations[i].symbol);
        CHECK(a.quotations[i].start == b.quotations[i].start);
        CHECK(a.quotations[i].end == b.quotations[i].end);
    }
    CHECK(a.status == b.status);
    REQUIRE(a.changes.size() == b.changes.size());
    for (size_t i = 0; i < a.changes.size(); ++i) {
        CHECK(a.changes[i].action == b.changes[i].action);
        CHECK(a.changes[i].delegations == b.changes[i].delegations);
        CHECK(a.changes[i].text == b.changes[i].text);
        CHECK(a.changes[i].note == b.changes[i].note);
    }
    CHECK(a.countries == b.countries);
}

}  // namespace

TEST_CASE("a unit record gives back every field of the unit and its document id") {
    const Unit u = full_unit();
    auto [back, doc_id] = parse_unit(serialise_unit("ctoc-cop-wg.4-2020-4.en", u));
    CHECK(doc_id == "ctoc-cop-wg.4-2020-4.en");
    check_same(back, u);

    SUBCASE("every kind, and numbers at the ends of their range") {
        for (UnitKind kind : {UnitKind::heading, UnitKind::paragraph, UnitKind::item, UnitKind::recommendation,
                              UnitKind::footnote, UnitKind::text, UnitKind::preambular, UnitKind::table}) {
            Unit v;
            v.kind = kind;
            v.seq = std::numeric_limits<int>::max();
            v.page_first = std::numeric_limits<int>::min();
            v.page_last = -1;
            v.quotations = {{"", "", 0, std::numeric_limits<size_t>::max()}};
            check_same(parse_unit(serialise_unit("d", v)).first, v);
        }
    }
}

TEST_CASE("an empty optional part of a unit record takes one byte") {
    // version, doc id "d" (2), anchor, kind, number, label, ref, parent, part, headings, text,
    // two pages, flags, footnotes, seq, cites, status, countries, changes, quotations.
    CHECK(serialise_unit("d", Unit{}).size() == 22);
}

TEST_CASE("a truncated unit record is refused at every length") {
    const std::string record = serialise_unit("doc", full_unit());
    for (size_t n = 0; n < record.size(); ++n) {
        CAPTURE(n);
        CHECK_THROWS_AS(parse_unit(record.substr(0, n)), DecodeError);
    }
}

TEST_CASE("a unit record of another version or with corrupt bytes is refused with a clear error") {
    std::string record = serialise_unit("doc", full_unit());
    SUBCASE("another format version") {
        record[0] = 1;
        CHECK_THROWS_WITH_AS(parse_unit(record), doctest::Contains("format version 1"), DecodeError);
    }
    SUBCASE("bytes after the record") {
        CHECK_THROWS_WITH_AS(parse_unit(record + "x"), doctest::Contains("bytes after the record"), DecodeError);
    }
    SUBCASE("an unknown kind") {
        Unit u;
        std::string r = serialise_unit("", u);
        r[3] = 99;  // version, doc id, anchor, kind
        CHECK_THROWS_WITH_AS(parse_unit(r), doctest::Contains("unknown unit kind"), DecodeError);
    }
    SUBCASE("a list longer than the data") {
        Unit u;
        std::string r = serialise_unit("", u);
        r[9] = 100;  // the heading path's count (after version, doc id, anchor, kind, number, label, ref, parent, part)
        CHECK_THROWS_WITH_AS(parse_unit(r), doctest::Contains("list is longer"), DecodeError);
    }
    SUBCASE("an OCR confidence over 1000 thousandths (fuzz_unit_record: read as 1000, written back otherwise)") {
        Unit u;
        u.ocr = true;
        u.ocr_confidence = 1.0;
        std::string r = serialise_unit("", u);
        REQUIRE(r.substr(r.size() - 2) == "\xe8\x07");  // 1000 as a varint, last in the record
        r.replace(r.size() - 2, 2, "\xe9\x07");           // 1001
        CHECK_THROWS_WITH_AS(parse_unit(r), doctest::Contains("OCR confidence of 1001 thousandths"), DecodeError);
    }
    SUBCASE("JSON of an older index") {
        CHECK_THROWS_AS(parse_unit(R"({"doc":"d","anchor":"para-1"})"), DecodeError);
    }
}

TEST_CASE("varints: shortest form only, every 64-bit value, zigzag for signed numbers") {
    for (uint64_t v : {uint64_t{0}, uint64_t{127}, uint64_t{128}, uint64_t{16383}, uint64_t{16384},
                       std::numeric_limits<uint64_t>::max()}) {
        std::string s;
        put_varint(s, v);
        ByteReader in(s, "test");
        CHECK(in.varint() == v);
        CHECK(in.at_end());
    }
    for (int64_t v : {int64_t{0}, int64_t{-1}, int64_t{1}, std::numeric_limits<int64_t>::min(),
                      std::numeric_limits<int64_t>::max()}) {
        std::string s;
        put_signed(s, v);
        CHECK(ByteReader(s, "test").signed_varint() == v);
    }
    std::string one_byte;
    put_signed(one_byte, -1);
    CHECK(one_byte.size() == 1);
    ByteReader overlong(std::string_view("\x80\x00", 2), "test");
    CHECK_THROWS_WITH_AS(overlong.varint(), doctest::Contains("shortest form"), DecodeError);
    ByteReader too_large(std::string_view("\xff\xff\xff\xff\xff\xff\xff\xff\xff\x02", 10), "test");
    CHECK_THROWS_WITH_AS(too_large.varint(), doctest::Contains("too large"), DecodeError);
    std::string big;
    put_signed(big, int64_t{1} << 40);
    CHECK_THROWS_WITH_AS(ByteReader(big, "test").int_value(), doctest::Contains("out of range"), DecodeError);
}

TEST_CASE("issue 18: a document's printed pages survive its stored fields, as runs") {
    DocumentMeta d;
    d.id = "x.en";
    d.printed_pages = {1, 7, 8, 9, 10, 3};
    const nlohmann::json j = to_json(d);
    CHECK(j.at("page_runs") == nlohmann::json::parse("[[1,1,1],[2,7,4],[6,3,1]]"));
    CHECK(document_meta_from_json(j).printed_pages == d.printed_pages);
    CHECK(document_meta_from_json(nlohmann::json::parse(R"({"id":"old.en"})")).printed_pages.empty());
    // Damaged runs are bounded, never a huge allocation or an overflow.
    CHECK(document_meta_from_json(nlohmann::json::parse(R"({"page_runs":[[1,2147483647,5],[2,1,99999999999],[3,"x",1]]})"))
              .printed_pages.size() == 100000);

    Unit u;
    u.page_first = 8;
    CHECK(physical_page(d, u) == 3);
    u.page_first = 2;
    CHECK(physical_page(d, u) == 0);  // no physical page carries printed page 2
    u.page_first = 0;
    CHECK(physical_page(d, u) == 0);
}
