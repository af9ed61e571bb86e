// The wire format between the PDF reader and the indexer: what goes in comes out, and a
// cut or corrupted message is refused rather than half read. The reader process: one per
// thread for many files, replaced after a crash, a timeout or exhausted memory, never
// blaming a file for what an earlier file did to it, and found (or clearly missed).
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "indexer/extract/isolated_extract.h"
#include "indexer/extract/address_sanitizer.h"


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
    CHECK_THROWS_AS(deserialise_pages("VX3Z"), std::runtime_error);
}

namespace {

namespace fs = std::filesystem;

// A folder holding two real UN PDFs under plain names, and a copy named "bad" (the
// target of the fault hook's KIND:bad).
struct PdfFolder {
    fs::path dir = fs::temp_directory_path() / ("verbatim-reader-test-" + std::to_string(getpid()));
    fs::path a = dir / "a.pdf", b = dir / "b.pdf", bad = dir / "bad.pdf";
    PdfFolder() {
        fs::create_directories(dir);
        const fs::path corpus = fs::path(VERBATIM_SOURCE_DIR) / "corpus";
        fs::copy_file(corpus / "000_5eede202c1eb311f.pdf", a, fs::copy_options::overwrite_existing);
        fs::copy_file(corpus / "001_7d3c025fb8d284f4.pdf", b, fs::copy_options::overwrite_existing);
        fs::copy_file(corpus / "000_5eede202c1eb311f.pdf", bad, fs::copy_options::overwrite_existing);
    }
    ~PdfFolder() {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
};

// A fresh reader from the next file on, with `fault` (or none).
void use_reader(const char* fault = nullptr) {
    if (fault) setenv("VERBATIM_TEST_PDF_FAULT", fault, 1);
    else unsetenv("VERBATIM_TEST_PDF_FAULT");
    stop_pdf_reader();
}

// The build's reader program: a test does not run beside it, where it is looked for.
PdfLimits with_build_reader(double timeout, size_t memory) {
    PdfLimits limits{timeout, memory};
    limits.reader = VERBATIM_PDF_READER_PATH;
    return limits;
}
const PdfLimits kLimits = with_build_reader(30, 2048);

bool read_ok(const std::variant<ExtractedText, Problem>& result) {
    if (const auto* p = std::get_if<Problem>(&result)) {
        INFO(p->file << ": " << p->cause);
        return false;
    }
    return !std::get<ExtractedText>(result).lines.empty();
}

std::string cause(const std::variant<ExtractedText, Problem>& result) {
    const auto* p = std::get_if<Problem>(&result);
    return p ? p->cause : "";
}

bool no_child_left() {
    int status = 0;
    return waitpid(-1, &status, WNOHANG) < 0 && errno == ECHILD;
}

}  // namespace

TEST_CASE("one reader process reads file after file, and gives the same result each time") {
    PdfFolder folder;
    use_reader();
    auto first = extract_pdf_isolated(folder.a, kLimits);
    REQUIRE(read_ok(first));
    const pid_t reader = pdf_reader_pid();
    CHECK(reader > 0);
    CHECK(read_ok(extract_pdf_isolated(folder.b, kLimits)));
    auto again = extract_pdf_isolated(folder.a, kLimits);
    REQUIRE(read_ok(again));
    CHECK(pdf_reader_pid() == reader);  // not one process per file
    const auto &x = std::get<ExtractedText>(first).lines, &y = std::get<ExtractedText>(again).lines;
    REQUIRE(x.size() == y.size());
    for (size_t i = 0; i < x.size(); ++i) CHECK(x[i].text == y[i].text);
    // Other limits need another reader (the memory limit is set when it starts).
    CHECK(read_ok(extract_pdf_isolated(folder.a, with_build_reader(30, 1024))));
    CHECK(pdf_reader_pid() != reader);
    stop_pdf_reader();
    CHECK(pdf_reader_pid() == -1);
    CHECK(no_child_left());
}

TEST_CASE("a crash, a hang or exhausted memory costs that file only; the next file gets a fresh reader") {
    PdfFolder folder;
    struct Case {
        const char* fault;
        std::string cause;
    };
    std::vector<Case> cases = {{"crash:bad", "PDF library crashed (signal 11"},
                               {"hang:bad", "PDF extraction timed out after 1 s"}};
#ifndef VERBATIM_ASAN
    cases.push_back({"oom:bad", "PDF needs more than 256 MB of memory"});
#endif
    for (const Case& c : cases) {
        CAPTURE(c.fault);
        use_reader(c.fault);
        const PdfLimits limits = with_build_reader(1, 256);
        REQUIRE(read_ok(extract_pdf_isolated(folder.a, limits)));
        const pid_t before = pdf_reader_pid();
        const auto start = std::chrono::steady_clock::now();
        auto bad = extract_pdf_isolated(folder.bad, limits);
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(4));
        CHECK(cause(bad).find(c.cause) != std::string::npos);
        CHECK(std::get<Problem>(bad).file == folder.bad.string());
        CHECK(pdf_reader_pid() == -1);  // the failed reader is gone, not left running
        // A fresh reader starts Poppler first: 1 s is too tight for that under ASan on a
        // loaded machine, so the next file has room (other limits mean another reader anyway).
        CHECK(read_ok(extract_pdf_isolated(folder.b, with_build_reader(30, 256))));
        CHECK(pdf_reader_pid() > 0);
        CHECK(pdf_reader_pid() != before);
    }
    use_reader();
    CHECK(no_child_left());
}

TEST_CASE("a reader that fails after other files is replaced and the file read again before it is blamed") {
    PdfFolder folder;
    // crash-reused: a reader that has read a file crashes on the next one, whatever it is.
    use_reader("crash-reused");
    for (const fs::path& file : {folder.a, folder.b, folder.a, folder.bad}) {
        CAPTURE(file);
        CHECK(read_ok(extract_pdf_isolated(file, kLimits)));
    }
    // A reader killed between files (by anyone) is replaced the same way.
    use_reader();
    REQUIRE(read_ok(extract_pdf_isolated(folder.a, kLimits)));
    const pid_t reader = pdf_reader_pid();
    REQUIRE(reader > 0);
    kill(reader, SIGKILL);
    usleep(50 * 1000);
    CHECK(read_ok(extract_pdf_isolated(folder.b, kLimits)));
    CHECK(pdf_reader_pid() != reader);
    stop_pdf_reader();
}

TEST_CASE("a missing reader program is named, with where it was looked for") {
    PdfFolder folder;
    unsetenv("VERBATIM_TEST_PDF_FAULT");
    stop_pdf_reader();
    std::string looked;
    CHECK(find_pdf_reader("/nonexistent/verbatim-pdf-reader", &looked).empty());
    CHECK(looked == "/nonexistent/verbatim-pdf-reader");
    PdfLimits elsewhere = kLimits;
    elsewhere.reader = "/nonexistent/verbatim-pdf-reader";
    auto result = extract_pdf_isolated(folder.a, elsewhere);
    CHECK(cause(result).find("the helper program verbatim-pdf-reader is missing (looked for "
                             "/nonexistent/verbatim-pdf-reader)") != std::string::npos);
    use_reader();
    CHECK(find_pdf_reader(VERBATIM_PDF_READER_PATH) == fs::path(VERBATIM_PDF_READER_PATH));
    CHECK(read_ok(extract_pdf_isolated(folder.a, kLimits)));
    stop_pdf_reader();
}
