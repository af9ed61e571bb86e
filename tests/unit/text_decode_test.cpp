#include <doctest/doctest.h>

#include "indexer/extract/text_decode.h"

using namespace verbatim;

namespace {

DecodedText decoded(const std::string& bytes) {
    auto r = decode_text(bytes, "f.txt");
    REQUIRE(std::holds_alternative<DecodedText>(r));
    return std::get<DecodedText>(r);
}

std::string utf16le(const std::string& ascii, bool bom) {
    std::string out = bom ? std::string("\xFF\xFE") : std::string();
    for (char c : ascii) out += c, out += '\0';
    return out;
}

}  // namespace

TEST_CASE("UTF-8 with and without BOM") {
    CHECK(decoded("S\xC3\xA1nchez").text == "S\xC3\xA1nchez");
    DecodedText bom = decoded("\xEF\xBB\xBFtext");
    CHECK(bom.text == "text");
    CHECK(bom.encoding == "UTF-8");
}

TEST_CASE("UTF-16 with a BOM, both byte orders, and without a BOM") {
    CHECK(decoded(utf16le("Victims of trafficking", true)).text == "Victims of trafficking");
    std::string be = "\xFE\xFF";
    for (char c : std::string("Victims")) be += '\0', be += c;
    CHECK(decoded(be).text == "Victims");
    DecodedText bomless = decoded(utf16le("Report of the meeting", false));
    CHECK(bomless.text == "Report of the meeting");
    CHECK(bomless.encoding == "UTF-16LE");
}

TEST_CASE("legacy 8-bit text is detected and converted") {
    // Windows-1252: curly quotes (0x93 0x94) and é (0xE9).
    std::string cp1252 = "The \x93non-punishment\x94 principle was discussed by the d\xE9l\xE9gation of France "
                         "and the r\xE9sum\xE9 of the meeting was adopted.";
    DecodedText d = decoded(cp1252);
    CHECK(d.text.find("\xE2\x80\x9Cnon-punishment\xE2\x80\x9D") != std::string::npos);
    CHECK(d.text.find("d\xC3\xA9l\xC3\xA9gation") != std::string::npos);
    CHECK(d.replaced == 0);
}

TEST_CASE("mostly UTF-8 with a few bad bytes keeps the text and counts the replacements") {
    std::string bytes = "Caf\xC3\xA9 and S\xC3\xA1nchez met; one bad byte \xFF here and \xFE there.";
    DecodedText d = decoded(bytes);
    CHECK(d.encoding == "UTF-8");
    CHECK(d.replaced == 2);
    CHECK(d.text.find("S\xC3\xA1nchez") != std::string::npos);
}

TEST_CASE("issue 18: ASCII with a few invalid bytes is damaged UTF-8, not a legacy encoding") {
    std::string ascii;
    for (int i = 0; i < 200; ++i) ascii += "The Working Group discussed the protection of victims. ";
    std::string bytes = ascii.substr(0, 5000) + "\x9D\xE9" + ascii.substr(5000) + "\xFF";
    DecodedText d = decoded(bytes);
    CHECK(d.encoding == "UTF-8");
    CHECK(d.replaced == 3);  // reported by extract as "3 invalid byte sequences replaced"
    CHECK(d.text.find("\xEF\xBF\xBD\xEF\xBF\xBD") != std::string::npos);
    // Many accented letters in the same encoding remain a legacy text.
    std::string french;
    for (int i = 0; i < 40; ++i) french += "La d\xE9l\xE9gation a pr\xE9sent\xE9 le r\xE9sum\xE9. ";
    CHECK(decoded(french).encoding != "UTF-8");
    CHECK(decoded(french).text.find("d\xC3\xA9l\xC3\xA9gation") != std::string::npos);
}

TEST_CASE("CRLF becomes LF and reserved marker code points are removed") {
    CHECK(decoded("a\r\nb\rc").text == "a\nb\nc");
    CHECK(decoded("x\xEE\x80\x80y").text == "xy");
}

TEST_CASE("empty, blank and binary input are problems, not text") {
    auto empty = decode_text("", "e.txt");
    REQUIRE(std::holds_alternative<Problem>(empty));
    CHECK(std::get<Problem>(empty).cause.find("empty") != std::string::npos);
    CHECK(std::get<Problem>(empty).file == "e.txt");
    CHECK(std::holds_alternative<Problem>(decode_text("  \n\n ", "b.txt")));
    std::string binary("\x7F" "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x03\x00\x3E\x00", 16);
    auto bin = decode_text(binary, "bin.txt");
    REQUIRE(std::holds_alternative<Problem>(bin));
    CHECK(std::get<Problem>(bin).cause.find("binary") != std::string::npos);
}
