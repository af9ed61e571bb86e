// End-to-end OCR (issue 21): PDFs whose text is known are turned into image-only scans in
// the test (pdftoppm renders them, img2pdf wraps the images into a PDF, as a scanner
// would) and indexed; their units must come back as from the original, marked as OCR.
// OCR is CPU heavy: four pages in all.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "tests/e2e/support.h"

namespace fs = std::filesystem;
using namespace verbatim::e2e;

namespace {

fs::path source_dir() { return fs::path(VERBATIM_SOURCE_DIR); }

bool have_tools() {
    static const bool have = std::system("command -v pdftoppm >/dev/null 2>&1 && command -v img2pdf >/dev/null 2>&1 "
                                         "&& test -f /usr/share/tesseract-ocr/5/tessdata/eng.traineddata") == 0;
    return have;
}

#define SKIP_WITHOUT_TOOLS()                                                                                   \
    if (!have_tools()) {                                                                                       \
        MESSAGE("skipped: OCR tests need pdftoppm, img2pdf and tesseract-ocr-eng (scripts/deps.sh test)");    \
        return;                                                                                                \
    }

void run(const std::string& command) {
    INFO(command);
    REQUIRE(std::system((command + " >/dev/null 2>&1").c_str()) == 0);
}

// Pages `first`..`last` of `pdf` as an image-only PDF at `out`, rendered at 200 dpi in grey.
void make_scan(const fs::path& pdf, int first, int last, const fs::path& out) {
    const fs::path images = out.parent_path() / (out.stem().string() + "-images");
    fs::create_directories(images);
    run("pdftoppm -r 200 -gray -png -f " + std::to_string(first) + " -l " + std::to_string(last) + " '" +
        pdf.string() + "' '" + (images / "page").string() + "'");
    run("img2pdf '" + images.string() + "'/page-*.png -o '" + out.string() + "'");
}

// The same pages with their text layer, for comparison.
void make_excerpt(const fs::path& pdf, int first, int last, const fs::path& out) {
    const fs::path pages = out.parent_path() / (out.stem().string() + "-pages");
    fs::create_directories(pages);
    std::string list;
    for (int p = first; p <= last; ++p) {
        const fs::path one = pages / ("p" + std::to_string(p) + ".pdf");
        run("pdfseparate -f " + std::to_string(p) + " -l " + std::to_string(p) + " '" + pdf.string() + "' '" +
            one.string() + "'");
        list += " '" + one.string() + "'";
    }
    if (first == last) fs::copy_file(pages / ("p" + std::to_string(first) + ".pdf"), out);
    else run("pdfunite" + list + " '" + out.string() + "'");
}

// The units of the one document indexed from `file` alone, with the OCR cache `cache`.
struct Indexed {
    std::string db, name;
    RunResult index;
    nlohmann::json units;
    std::string lang;
};

Indexed index_alone(const fs::path& file, const fs::path& cache, const std::vector<std::string>& extra = {}) {
    const fs::path dir = fresh_dir("ocr-db");
    const std::string db = (dir / "db").string();
    std::vector<std::string> args = {"index", "--db", db, file.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    Indexed out;
    out.db = db;
    out.index = run_verbatim(args, {{"XDG_CACHE_HOME", cache.string()}});
    if (out.index.exit_code != 0) return out;
    const RunResult list = run_verbatim({"show", "--db", db, "no such document"});
    const std::size_t at = list.err.find("it holds:");
    REQUIRE(at != std::string::npos);
    std::istringstream names(list.err.substr(at + 9));
    std::string name;
    names >> name;
    out.name = name;
    const RunResult show = run_verbatim({"show", "--db", db, "--json", name});
    REQUIRE(show.exit_code == 0);
    const nlohmann::json doc = nlohmann::json::parse(show.out);
    out.units = doc.at("units");
    if (!out.units.empty()) out.lang = out.units.front().value("lang", "");
    return out;
}

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    std::istringstream in(text);
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

// Share of the words of `expected` found in `actual` (as a multiset).
double recall(const std::string& expected, const std::string& actual) {
    std::map<std::string, int> have;
    for (const std::string& w : words_of(actual)) ++have[w];
    const std::vector<std::string> want = words_of(expected);
    if (want.empty()) return 1;
    int found = 0;
    for (const std::string& w : want)
        if (have[w]-- > 0) ++found;
    return static_cast<double>(found) / static_cast<double>(want.size());
}

std::string identity(const nlohmann::json& unit) {
    return unit.value("kind", "") + " " + unit.value("label", "") + " " + unit.at("pages").dump();
}

// Each unit of the original has its counterpart in the scan, in order: same kind, label
// (paragraph numbers), pages and footnote links, and at least 98 % of its words.
void check_same_units(const nlohmann::json& original, const nlohmann::json& scanned) {
    REQUIRE(scanned.size() == original.size());
    for (std::size_t i = 0; i < original.size(); ++i) {
        const nlohmann::json& want = original[i];
        const nlohmann::json& got = scanned[i];
        INFO("unit " << i + 1 << ": " << identity(want) << "\n  original: " << want.value("text", "")
                     << "\n  scanned:  " << got.value("text", ""));
        CHECK(identity(got) == identity(want));
        CHECK(got.at("footnotes") == want.at("footnotes"));
        CHECK(recall(want.value("text", ""), got.value("text", "")) >= 0.98);
        CHECK(got.value("ocr", false));
        CHECK(got.at("ocr_confidence").get<double>() >= 0.8);
        CHECK_FALSE(want.value("ocr", true));
    }
}

}  // namespace

TEST_CASE("issue 21: a scanned seed PDF gives the units of the original, marked OCR, and is read once") {
    SKIP_WITHOUT_TOOLS();
    const fs::path dir = fresh_dir("ocr-seed");
    const fs::path cache = dir / "cache";
    const fs::path seed = corpus_dir() / "003_a5e177348e1654f8.pdf";
    make_scan(seed, 1, 2, dir / "scan" / "recommendations.pdf");

    const Indexed original = index_alone(seed, cache);
    const Indexed scanned = index_alone(dir / "scan" / "recommendations.pdf", cache);
    INFO(scanned.index.err);
    REQUIRE(scanned.index.exit_code == 0);
    CHECK(scanned.index.err.find("OCR: 2 scanned pages read (0 from the cache") != std::string::npos);
    check_same_units(original.units, scanned.units);

    // The mark in `show` and in `cite`, for people; the JSON's "ocr" is checked above.
    const RunResult show = run_verbatim({"show", "--db", scanned.db, scanned.name});
    CHECK(show.out.find("[OCR 9") != std::string::npos);
    CHECK(show.out.find("check against the scan]") != std::string::npos);
    const RunResult cite = run_verbatim({"cite", "--db", scanned.db, scanned.name + ", para. 1"});
    INFO(cite.out << cite.err);
    CHECK(cite.out.find("[OCR ") != std::string::npos);

    // A second index of the same bytes (renamed, elsewhere) reads the cache, not the pages.
    fs::create_directories(dir / "again");
    fs::copy_file(dir / "scan" / "recommendations.pdf", dir / "again" / "copy.pdf");
    const Indexed again = index_alone(dir / "again" / "copy.pdf", cache);
    INFO(again.index.err);
    CHECK(again.index.err.find("OCR: 2 scanned pages read (2 from the cache") != std::string::npos);
    check_same_units(original.units, again.units);
}

TEST_CASE("issue 21: a Russian scan is read in Russian (the script Tesseract sees)") {
    SKIP_WITHOUT_TOOLS();
    if (std::system("test -f /usr/share/tesseract-ocr/5/tessdata/rus.traineddata -a "
                    "-f /usr/share/tesseract-ocr/5/tessdata/osd.traineddata") != 0) {
        MESSAGE("skipped: needs tesseract-ocr-rus and tesseract-ocr-osd (scripts/deps.sh test)");
        return;
    }
    // A real UN PDF in Russian: never in the repository (only where the tests keep a copy).
    fs::path source;
    std::vector<fs::path> places = {source_dir() / "tests/data/pdf", source_dir() / "../shared/ext/un-pdfs"};
    if (const char* real = std::getenv("VERBATIM_REAL_DOCS"); real && *real) places.insert(places.begin(), fs::path(real) / "un-pdfs");
    for (const fs::path& place : places)
        if (source.empty() && fs::exists(place / "A_HRC_WG.6_34_ITA_3_ru.pdf")) source = place / "A_HRC_WG.6_34_ITA_3_ru.pdf";
    if (source.empty()) {
        MESSAGE("skipped: the Russian scan needs un-pdfs/A_HRC_WG.6_34_ITA_3_ru.pdf of the real UN documents "
                "(set VERBATIM_REAL_DOCS or put them in ../shared/ext)");
        return;
    }
    const fs::path dir = fresh_dir("ocr-ru");
    make_excerpt(source, 1, 1, dir / "orig" / "report.pdf");
    make_scan(source, 1, 1, dir / "scan" / "report.pdf");  // no language in the name
    const Indexed original = index_alone(dir / "orig" / "report.pdf", dir / "cache");
    // OCR takes seconds a page: the reader asks for that time beyond --pdf-timeout, which
    // bounds the text-layer part only (without the request this file would time out).
    const Indexed scanned = index_alone(dir / "scan" / "report.pdf", dir / "cache", {"--pdf-timeout", "1"});
    INFO(scanned.index.err);
    REQUIRE(scanned.index.exit_code == 0);
    CHECK(scanned.lang == "ru");
    // The numbered paragraph reads as the original (headings on this page are set in a
    // large bold face that Tesseract's Cyrillic model misreads: "I." as "Г.").
    auto paragraph = [](const nlohmann::json& units) {
        for (const auto& u : units)
            if (u.value("kind", "") == "paragraph" && u.value("label", "") == "1") return u.value("text", "");
        return std::string();
    };
    REQUIRE_FALSE(paragraph(original.units).empty());
    CHECK(recall(paragraph(original.units), paragraph(scanned.units)) >= 0.98);
}

TEST_CASE("issue 21: a page of noise gives a clear message, not garbage units") {
    SKIP_WITHOUT_TOOLS();
    const fs::path dir = fresh_dir("ocr-noise");
    fs::create_directories(dir / "scan");
    {
        std::ofstream pgm(dir / "noise.pgm", std::ios::binary);
        const int width = 400, height = 300;  // a 4 x 3 inch page at 100 dpi
        pgm << "P5\n" << width << " " << height << "\n255\n";
        std::mt19937 random(21);
        for (int i = 0; i < width * height; ++i) pgm.put(static_cast<char>(random() % 2 ? 0 : 255));
    }
    run("img2pdf --imgsize 100dpi '" + (dir / "noise.pgm").string() + "' -o '" + (dir / "scan" / "noise.pdf").string() +
        "'");
    const std::string db = (dir / "db").string();
    const RunResult r = run_verbatim({"index", "--db", db, (dir / "scan").string()},
                                     {{"XDG_CACHE_HOME", (dir / "cache").string()}});
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("noise.pdf") != std::string::npos);
    CHECK(r.err.find("scanned PDF: OCR could not read its page") != std::string::npos);
    CHECK(r.err.find("0 units") != std::string::npos);
}

TEST_CASE("issue 21: --no-ocr skips scans as before; missing language data names the package") {
    SKIP_WITHOUT_TOOLS();
    const fs::path dir = fresh_dir("ocr-off");
    make_scan(corpus_dir() / "003_a5e177348e1654f8.pdf", 1, 1, dir / "scan" / "page.pdf");
    const RunResult off = run_verbatim({"index", "--db", (dir / "db1").string(), "--no-ocr", (dir / "scan").string()});
    CHECK(off.exit_code == 1);
    CHECK(off.err.find("no text layer: scanned PDF, needs OCR before it can be indexed (OCR is off)") !=
          std::string::npos);
    CHECK(off.err.find("OCR:") == std::string::npos);

    // The time limits: a page that takes longer is named, with the option that allows more.
    const RunResult page_limit = run_verbatim({"index", "--db", (dir / "db4").string(), "--ocr-page-timeout", "0.01",
                                              (dir / "scan").string()},
                                             {{"XDG_CACHE_HOME", (dir / "cache").string()}});
    INFO(page_limit.err);
    CHECK(page_limit.exit_code == 1);
    CHECK(page_limit.err.find("OCR time limit per page (0.01 s) reached (raise --ocr-page-timeout") != std::string::npos);
    const RunResult file_limit = run_verbatim({"index", "--db", (dir / "db5").string(), "--ocr-file-timeout", "0.001",
                                              (dir / "scan").string()},
                                             {{"XDG_CACHE_HOME", (dir / "cache").string()}});
    INFO(file_limit.err);
    CHECK(file_limit.exit_code == 1);
    CHECK(file_limit.err.find("OCR time limit per file (0.001 s) reached (raise --ocr-file-timeout") !=
          std::string::npos);

    fs::create_directories(dir / "no-tessdata");
    const RunResult missing = run_verbatim({"index", "--db", (dir / "db2").string(), "--ocr-lang", "ru",
                                            (dir / "scan").string()},
                                           {{"TESSDATA_PREFIX", (dir / "no-tessdata").string()}});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("tesseract-ocr-rus") != std::string::npos);

    // Without --ocr-lang the reader finds out per file, and says the same.
    const RunResult per_file = run_verbatim({"index", "--db", (dir / "db3").string(), (dir / "scan").string()},
                                            {{"TESSDATA_PREFIX", (dir / "no-tessdata").string()},
                                             {"XDG_CACHE_HOME", (dir / "empty-cache").string()}});
    CHECK(per_file.exit_code == 1);
    CHECK(per_file.err.find("install the Debian package tesseract-ocr-") != std::string::npos);
}
