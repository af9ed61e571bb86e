// verbatim fetch, the parts without a network: symbol ranges, file names, URLs, what
// counts as a document, the manifest it edits, and its options between two processes.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fetch/document_check.h"
#include "fetch/fetch_manifest.h"
#include "fetch/fetch_options.h"
#include "fetch/fetcher.h"
#include "fetch/symbols.h"
#include "indexer/structure/manifest.h"

using namespace verbatim;
using namespace verbatim::fetch;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> expanded(const std::string& text) {
    auto r = expand_symbol(text);
    if (auto* err = std::get_if<std::string>(&r)) return {"error: " + *err};
    return std::get<std::vector<std::string>>(r);
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string corpus_pdf() { return read_all(fs::path(VERBATIM_SOURCE_DIR) / "corpus" / "001_7d3c025fb8d284f4.pdf"); }

}  // namespace

TEST_CASE("symbol ranges expand, leftmost part outermost") {
    struct Case {
        const char* text;
        std::vector<std::string> expect;
    };
    for (const Case& c : std::vector<Case>{
             {"CTOC/COP/WG.4/2020/4", {"CTOC/COP/WG.4/2020/4"}},
             {"CTOC/COP/WG.4/2020/1-3", {"CTOC/COP/WG.4/2020/1", "CTOC/COP/WG.4/2020/2", "CTOC/COP/WG.4/2020/3"}},
             {"CTOC/COP/WG.4/2019/L.1-L.3", {"CTOC/COP/WG.4/2019/L.1", "CTOC/COP/WG.4/2019/L.2", "CTOC/COP/WG.4/2019/L.3"}},
             {"CTOC/COP/WG.4/2019/L.1-3", {"CTOC/COP/WG.4/2019/L.1", "CTOC/COP/WG.4/2019/L.2", "CTOC/COP/WG.4/2019/L.3"}},
             {"A/RES/74/178-180", {"A/RES/74/178", "A/RES/74/179", "A/RES/74/180"}},
             {"CTOC/COP/WG.4/2009-2010/1-2",
              {"CTOC/COP/WG.4/2009/1", "CTOC/COP/WG.4/2009/2", "CTOC/COP/WG.4/2010/1", "CTOC/COP/WG.4/2010/2"}},
             {"X/09-11", {"X/09", "X/10", "X/11"}},  // padding kept
             {"A/HRC/S-1/3", {"A/HRC/S-1/3"}},       // "S-1" is a special session, not a range
             {"A/74/5-5", {"A/74/5"}},
             {"CTOC/COP/WG.4/2020/6-1", {"error: the range 6-1 runs backwards"}},
             {"A//1", {"error: 'A//1' has an empty part (two '/' in a row, or one at an end)"}},
             {"A/1 B/2", {"error: 'A/1 B/2' holds a space; one symbol or range at a time"}},
         }) {
        CAPTURE(c.text);
        CHECK(expanded(c.text) == c.expect);
    }
    CHECK(expanded("A/RES/74/170-180").size() == 11);
    CHECK(expanded("CTOC/COP/WG.4/2009-2024/1-6").size() == 16 * 6);
    CHECK(expanded("CTOC/COP/WG.4/2009-2024/1-6").back() == "CTOC/COP/WG.4/2024/6");
    CHECK(expanded("A/1-100000")[0].starts_with("error: 'A/1-100000' expands to more than 10000 symbols"));
}

TEST_CASE("file names read back as the symbol and language") {
    CHECK(document_file_name("CTOC/COP/WG.4/2020/4", "en", Format::pdf) == "CTOC_COP_WG.4_2020_4.en.pdf");
    CHECK(document_file_name("E/CN.15/2019/L.3/Rev.1", "fr", Format::docx) == "E_CN.15_2019_L.3_Rev.1.fr.docx");
    CHECK(file_stem("../x") == "_.._x");
    CHECK(file_stem(".hidden") == "_.hidden");
    CHECK(looks_like_symbol("A/RES/74/176"));
    CHECK_FALSE(looks_like_symbol("CCPCJ resolution 27/4"));
    CHECK_FALSE(looks_like_symbol("74/176x?"));
}

TEST_CASE("the ODS URL: a template, or a base the ODS path is appended to") {
    CHECK(document_url(kDefaultOdsUrl, "CTOC/COP/WG.4/2020/4", "fr", Format::pdf) ==
          "https://documents.un.org/api/symbol/access?s=CTOC/COP/WG.4/2020/4&l=fr&t=pdf");
    CHECK(document_url("http://127.0.0.1:8080/", "A/RES/74/176", "en", Format::docx) ==
          "http://127.0.0.1:8080/api/symbol/access?s=A/RES/74/176&l=en&t=docx");
    CHECK(document_url("http://mirror/{lang}/{symbol}.{format}", "A/C.3/74/L.1 Rev", "ar", Format::pdf) ==
          "http://mirror/ar/A/C.3/74/L.1%20Rev.pdf");
}

TEST_CASE("only a whole PDF or DOCX body is a document") {
    const std::string pdf = corpus_pdf();
    REQUIRE(pdf.size() > 10000);
    CHECK(check_body(pdf, Format::pdf).verdict == BodyVerdict::document);
    struct Case {
        std::string body;
        BodyVerdict verdict;
        const char* cause;
    };
    for (const Case& c : std::vector<Case>{
             {"<!DOCTYPE html><html><body>Document viewer" + std::string(3000, ' ') + "</body></html>",
              BodyVerdict::not_found, "an HTML page, not a PDF"},
             {"%PDF-1.4 not available" + std::string(42, ' '), BodyVerdict::not_found, "a 64-byte stub, not a PDF"},
             {std::string(5000, 'x'), BodyVerdict::not_found, "not a PDF (5000 bytes of something else)"},
             {pdf.substr(0, pdf.size() / 2), BodyVerdict::truncated, "truncated: a PDF without its end marker"},
             {std::string(), BodyVerdict::not_found, "a 0-byte stub, not a PDF"},
         }) {
        const BodyCheck check = check_body(c.body, Format::pdf);
        CAPTURE(check.cause);
        CHECK(check.verdict == c.verdict);
        CHECK(check.cause.starts_with(c.cause));
    }
    CHECK(check_body(pdf, Format::docx).cause == "not a DOCX (76051 bytes of something else)");
}

namespace {

// A stored (uncompressed) zip holding the named files, as a DOCX is one.
std::string make_zip(const std::vector<std::string>& names) {
    auto le = [](std::string& s, uint32_t v, int bytes) {
        for (int i = 0; i < bytes; ++i) s += static_cast<char>((v >> (8 * i)) & 0xff);
    };
    std::string local, central;
    for (const std::string& name : names) {
        const std::string content(700, 'w');
        const uint32_t offset = static_cast<uint32_t>(local.size());
        le(local, 0x04034b50, 4);
        le(local, 20, 2), le(local, 0, 2), le(local, 0, 2), le(local, 0, 2), le(local, 0, 2);
        le(local, 0, 4), le(local, static_cast<uint32_t>(content.size()), 4), le(local, static_cast<uint32_t>(content.size()), 4);
        le(local, static_cast<uint32_t>(name.size()), 2), le(local, 0, 2);
        local += name + content;
        le(central, 0x02014b50, 4);
        le(central, 20, 2), le(central, 20, 2), le(central, 0, 2), le(central, 0, 2), le(central, 0, 2), le(central, 0, 2);
        le(central, 0, 4), le(central, static_cast<uint32_t>(content.size()), 4), le(central, static_cast<uint32_t>(content.size()), 4);
        le(central, static_cast<uint32_t>(name.size()), 2), le(central, 0, 2), le(central, 0, 2);
        le(central, 0, 2), le(central, 0, 2), le(central, 0, 4), le(central, offset, 4);
        central += name;
    }
    std::string zip = local + central;
    le(zip, 0x06054b50, 4);
    le(zip, 0, 2), le(zip, 0, 2), le(zip, static_cast<uint32_t>(names.size()), 2), le(zip, static_cast<uint32_t>(names.size()), 2);
    le(zip, static_cast<uint32_t>(central.size()), 4), le(zip, static_cast<uint32_t>(local.size()), 4), le(zip, 0, 2);
    return zip;
}

}  // namespace

TEST_CASE("a DOCX is a zip whose central directory names word/document.xml") {
    const std::string docx = make_zip({"[Content_Types].xml", "word/document.xml"});
    CHECK(check_body(docx, Format::docx).verdict == BodyVerdict::document);
    CHECK(check_body(make_zip({"a.xml", "b.xml"}), Format::docx).cause == "a zip without word/document.xml, not a DOCX");
    CHECK(check_body(docx.substr(0, docx.size() - 30), Format::docx).verdict == BodyVerdict::truncated);
    CHECK(check_body(docx, Format::pdf).verdict == BodyVerdict::not_found);
}

TEST_CASE("fetch edits the manifest in place, and index reads what it writes") {
    const fs::path dir = fs::temp_directory_path() / ("verbatim_fetch_manifest_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    {
        std::ofstream(dir / "manifest.ini") << "# mine\n[old.txt]\nname = kept ; as it was\n\n[other.pdf]\ntitle = T\n";
    }
    auto loaded = ManifestFile::load(dir / "manifest.ini");
    REQUIRE(std::holds_alternative<ManifestFile>(loaded));
    ManifestFile m = std::get<ManifestFile>(loaded);
    m.set("old.txt", "symbol", "A/1");
    m.set("X_1.en.pdf", "symbol", "X/1");
    m.set("X_1.en.pdf", "sha256", "ab");
    m.set("X_1.en.pdf", "sha256", "cd");  // replaced, not added
    REQUIRE(m.save().empty());
    CHECK(read_all(dir / "manifest.ini") ==
          "# mine\n[old.txt]\nname = kept ; as it was\nsymbol = A/1\n\n[other.pdf]\ntitle = T\n\n[X_1.en.pdf]\n"
          "symbol = X/1\nsha256 = cd\n");
    CHECK(m.get("X_1.en.pdf", "sha256") == "cd");
    CHECK(m.sections_with("sha256", "cd") == std::vector<std::string>{"X_1.en.pdf"});
    CHECK_FALSE(fs::exists(dir / ".manifest.ini.part"));

    // What fetch records is what `verbatim index` accepts.
    ManifestFile fresh = std::get<ManifestFile>(ManifestFile::load(dir / "new.ini"));
    fresh.set("A_1.fr.pdf", "symbol", "A/1");
    fresh.set("A_1.fr.pdf", "lang", "fr");
    fresh.set("A_1.fr.pdf", "source_url", "https://documents.un.org/api/symbol/access?s=A/1&l=fr&t=pdf");
    fresh.set("A_1.fr.pdf", "fetched_at", utc_timestamp());
    fresh.set("A_1.fr.pdf", "sha256", sha256_hex("abc"));
    REQUIRE(fresh.save().empty());
    auto parsed = parse_manifest(read_all(dir / "new.ini"), "new.ini");
    REQUIRE(std::holds_alternative<Manifest>(parsed));
    CHECK(std::get<Manifest>(parsed).find("A_1.fr.pdf")->fields.at("sha256") ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

    // A manifest index would refuse is not written over.
    { std::ofstream(dir / "bad.ini") << "[a]\nsymbl = X\n"; }
    auto bad = ManifestFile::load(dir / "bad.ini");
    REQUIRE(std::holds_alternative<Problem>(bad));
    CHECK(std::get<Problem>(bad).cause.starts_with("line 2: unknown key 'symbl'"));
    fs::remove_all(dir);
}

TEST_CASE("the options reach verbatim-fetch as they were given") {
    FetchOptions o;
    o.symbols = {"CTOC/COP/WG.4/2020/1-6", "A/RES/74/176"};
    o.from = "list.txt";
    o.into = "docs dir";
    o.langs = "en,fr";
    o.format = "docx";
    o.ods_url = "http://127.0.0.1:1/{symbol}?l={lang}";
    o.index_db = "x.db";
    o.depth = 3;
    o.delay = 0.25;
    o.timeout = 1.5;
    o.retries = 0;
    o.backoff = 0;
    std::vector<std::string> args = to_arguments(o);
    args.insert(args.begin(), "verbatim-fetch");
    std::vector<const char*> argv;
    for (const auto& a : args) argv.push_back(a.c_str());
    CLI::App app;
    FetchOptions back;
    add_fetch_options(app, back);
    app.parse(static_cast<int>(argv.size()), argv.data());
    CHECK(back.symbols == o.symbols);
    CHECK(back.from == o.from);
    CHECK(back.into == o.into);
    CHECK(back.langs == o.langs);
    CHECK(back.format == o.format);
    CHECK(back.ods_url == o.ods_url);
    CHECK(back.index_db == o.index_db);
    CHECK(back.follow_db.empty());
    CHECK(back.depth == 3);
    CHECK(back.delay == 0.25);
    CHECK(back.timeout == 1.5);
    CHECK(back.retries == 0);
    CHECK(back.backoff == 0);
}
