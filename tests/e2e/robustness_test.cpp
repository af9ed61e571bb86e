// Bad input never costs more than the bad file: a folder of every kind of bad input beside
// good files, PDFs that crash, hang or exhaust the PDF library (through the test-only fault
// hook of the PDF reader process), files that vanish mid-run, and malformed queries.
#include <doctest/doctest.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "tests/e2e/spawn.h"
#include "tests/e2e/support.h"
#include "indexer/extract/address_sanitizer.h"


using namespace verbatim::e2e;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// A PDF built by hand from its objects, with a correct cross-reference table.
std::string make_pdf(const std::vector<std::string>& objects) {
    std::string out = "%PDF-1.4\n";
    std::vector<size_t> offsets;
    for (size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (size_t offset : offsets) {
        char entry[32];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
        out += entry;
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return out;
}

// Objects 3 (page), 4 (content) and 5 (font) of a one-page PDF saying `text`.
std::vector<std::string> page_objects(const std::string& text) {
    const std::string content = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
    return {"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R "
            ">> >> >>",
            "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
}

std::string good_pdf(const std::string& text) {
    std::vector<std::string> objects{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"};
    for (const std::string& o : page_objects(text)) objects.push_back(o);
    return make_pdf(objects);
}

// The page tree's inner node lists the root among its kids: a loop.
std::string page_tree_loop_pdf() {
    std::vector<std::string> objects{"<< /Type /Catalog /Pages 2 0 R >>",
                                     "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>"};
    for (const std::string& o : page_objects("loop")) objects.push_back(o);
    objects.push_back("<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 6 0 R] /Count 1 >>");
    return make_pdf(objects);
}

// One page that claims to be two billion.
std::string huge_page_count_pdf() {
    std::vector<std::string> objects{"<< /Type /Catalog /Pages 2 0 R >>",
                                     "<< /Type /Pages /Kids [3 0 R] /Count 2000000000 >>"};
    for (const std::string& o : page_objects("many pages")) objects.push_back(o);
    return make_pdf(objects);
}

std::string utf16(const std::string& ascii, bool big_endian) {
    std::string out;
    for (char c : ascii) {
        if (big_endian) out += '\0';
        out += c;
        if (!big_endian) out += '\0';
    }
    return out;
}

// 50 MB of words with no line break, written in pieces (never committed).
void write_huge_line(const fs::path& file) {
    std::ofstream out(file, std::ios::binary);
    const std::string chunk = [] {
        std::string c;
        while (c.size() < (1 << 20)) c += "the working group recommended that states parties strengthen cooperation ";
        return c;
    }();
    for (int i = 0; i < 50; ++i) out << chunk;
}

// Whether `parent` has a child process (from /proc/*/stat: "pid (name) state ppid ...").
bool has_child(pid_t parent) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/proc", ec)) {
        const std::string stat = read_text(entry.path() / "stat");
        const size_t close = stat.rfind(')');
        if (close == std::string::npos) continue;
        std::istringstream fields(stat.substr(close + 1));
        std::string state;
        long ppid = 0;
        if (fields >> state >> ppid && ppid == parent) return true;
    }
    return false;
}

// A child process of `parent` (-1 when it has none).
pid_t child_of(pid_t parent) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/proc", ec)) {
        const std::string stat = read_text(entry.path() / "stat");
        const size_t close = stat.rfind(')');
        if (close == std::string::npos) continue;
        std::istringstream fields(stat.substr(close + 1));
        std::string state;
        long ppid = 0;
        if (fields >> state >> ppid && ppid == parent) return static_cast<pid_t>(std::stol(entry.path().filename().string()));
    }
    return -1;
}

bool searchable(const std::string& db, const std::string& word) {
    RunResult r = run_verbatim({"search", "--db", db, "--json", word});
    return r.exit_code == 0 && !r.out.empty();
}

}  // namespace

TEST_CASE("a folder of bad inputs beside good files: every bad one is named with its cause, every good one is found") {
    const fs::path dir = fresh_dir("bad-inputs");
    for (const auto& entry : fs::directory_iterator(fs::path(VERBATIM_SOURCE_DIR) / "tests/data/bad"))
        fs::copy_file(entry.path(), dir / entry.path().filename());
    fs::create_directories(dir / "corpus");
    for (const auto& entry : fs::directory_iterator(corpus_dir()))
        if (entry.path().extension() != ".pdf") fs::copy_file(entry.path(), dir / "corpus" / entry.path().filename());

    // Good files, each with a word found nowhere else.
    const std::map<std::string, std::string> good = {
        {"name with spaces.txt", "I. Introduction\n\n1. The spacesmarker delegation spoke.\n"},
        {"quote's \"double\".txt", "1. The quotesmarker delegation spoke.\n"},
        {"\xD0\x94\xD0\xBE\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xB4 \xE5\xA0\xB1\xE5\x91\x8A.txt", "1. The cyrillicnamemarker delegation spoke.\n"},
        {"line\nbreak.txt", "1. The newlinenamemarker delegation spoke.\n"},
        {"invalid-utf8.txt", "1. The invalidutfmarker Caf\xC3\xA9 of S\xC3\xA1nchez has a bad \xFF byte and another \xFE one.\n"},
        {"utf16-bom.txt", "\xFF\xFE" + utf16("1. The utfbommarker delegation spoke at length.\n\n2. Second paragraph.\n", false)},
        {"utf16-no-bom.txt", utf16("1. The utfnobommarker delegation spoke at length.\n\n2. Second paragraph.\n", false)},
        {"utf16be-no-bom.txt", utf16("1. The utfbigendianmarker delegation spoke at length.\n\n2. Second one.\n", true)},
        {"windows-1252.txt", "1. The d\xE9l\xE9gation \x93windowsmarker\x94 said na\xEFve things \x96 really.\n"},
        // Words of 200,000 bytes once overflowed the stack in the regular expressions of the
        // structure stage: they are cut (and reported), the rest of the file is indexed.
        {"long-words.txt", "1. The longwordmarker paragraph.\n\n2. " + std::string(200000, 'x') + " and " +
                               std::string(3000, 'a') + "\xC3\xA9" + std::string(3000, 'b') + "\n\n3. A/RES/" +
                               std::string(200000, '7') + " para. 3 <sup>" + std::string(100000, '1') + "</sup> (" +
                               std::string(100000, '(') + "\n"},
        {"good.pdf", good_pdf("1. The pdfgoodmarker delegation spoke.")},
    };
    for (const auto& [name, content] : good) write_file(dir / name, content);

    // Bad files: the name and a word of the cause each must be reported with.
    write_file(dir / "empty.txt", "");
    write_file(dir / "bad\nname.txt", "");
    std::string binary;
    for (int i = 0; i < 25600; ++i) binary += static_cast<char>(i % 256);
    write_file(dir / "binary.txt", binary);
    write_huge_line(dir / "huge-line.txt");
    write_file(dir / "page-tree-loop.pdf", page_tree_loop_pdf());
    write_file(dir / "huge-page-count.pdf", huge_page_count_pdf());
    fs::create_symlink("loop-b.txt", dir / "loop-a.txt");
    fs::create_symlink("loop-a.txt", dir / "loop-b.txt");
    fs::create_directories(dir / "sub");
    fs::create_symlink("..", dir / "sub" / "up");  // a folder loop: not followed, not a problem
    const std::vector<std::pair<std::string, std::string>> bad = {
        {"zero_bytes.pdf", "empty"},
        {"random_bytes.pdf", "not a PDF"},
        {"truncated_60_percent.pdf", "damaged PDF"},
        {"encrypted_user_password.pdf", "encrypted"},
        {"/empty.txt", "empty file"},
        {"bad\\nname.txt", "empty file"},
        {"binary.txt", "binary content"},
        {"huge-line.txt", "a single line of 50.0 MB"},
        {"page-tree-loop.pdf", "damaged PDF"},
        {"huge-page-count.pdf", "damaged PDF"},
        {"loop-a.txt", "symbolic link loop"},
        {"loop-b.txt", "symbolic link loop"},
    };

    const std::string db = (fresh_dir("bad-inputs-db") / "db").string();
    const auto start = std::chrono::steady_clock::now();
    const RunResult r = run_verbatim({"index", "--db", db, dir.string()});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(seconds < 30);  // the 50 MB line is refused quickly, not laid out
    const std::vector<std::string> lines = lines_of(r.err);
    for (const auto& expectation : bad) {
        // Named copies: clang 14 (the sanitizer and fuzz build) cannot capture structured bindings.
        const std::string& name = expectation.first;
        const std::string& cause = expectation.second;
        const auto about = std::count_if(lines.begin(), lines.end(), [&](const std::string& l) { return contains(l, name); });
        CHECK_MESSAGE(about == 1, name << " should be named on exactly one line");
        CHECK_MESSAGE(std::any_of(lines.begin(), lines.end(),
                                  [&](const std::string& l) { return contains(l, name) && contains(l, cause); }),
                      name << " should be reported as: " << cause);
    }
    CHECK(contains(r.err, "invalid-utf8.txt: 2 invalid byte sequences replaced by U+FFFD"));
    CHECK(contains(r.err, "long-words.txt: 5 words longer than 256 bytes cut to that length (the longest had 200006 bytes)"));
    CHECK(contains(r.err, " " + std::to_string(bad.size()) + " skipped"));
    // Every line is ours: a problem naming a file of the folder (one line each, even for a
    // name with a newline), the summary, or a merge note. Nothing from Poppler.
    for (const std::string& line : lines) {
        CAPTURE(line);
        CHECK((line.rfind("verbatim: " + dir.string(), 0) == 0 || line.rfind("indexed ", 0) == 0 ||
               line.rfind("merged: ", 0) == 0));
    }

    for (const char* word : {"spacesmarker", "quotesmarker", "cyrillicnamemarker", "newlinenamemarker",
                                    "invalidutfmarker", "utfbommarker", "utfnobommarker", "utfbigendianmarker",
                                    "windowsmarker", "longwordmarker", "pdfgoodmarker", "non-punishment"})
        CHECK_MESSAGE(searchable(db, word), word << " should be found");
    RunResult shown = run_verbatim({"search", "--db", db, "windowsmarker"});
    CHECK(contains(shown.out, "d\xC3\xA9l\xC3\xA9gation \xE2\x80\x9Cwindowsmarker\xE2\x80\x9D"));  // read as Windows-1252

    // A second run changes nothing and still names every bad file.
    const RunResult again = run_verbatim({"index", "--db", db, "--json", dir.string()});
    CHECK(again.exit_code == 1);
    CHECK(contains(again.out, "\"skipped\":" + std::to_string(bad.size())));
    CHECK(contains(again.out, "\"indexed\":0"));
}

TEST_CASE("a file that vanishes during the run is reported and the run goes on") {
    const fs::path dir = fresh_dir("vanish");
    write_file(dir / "a.pdf", good_pdf("1. A slow PDF."));
    write_file(dir / "b.txt", "1. The vanishingmarker paragraph.\n");
    write_file(dir / "c.txt", "1. The survivormarker paragraph.\n");
    const std::string db = (fresh_dir("vanish-db") / "db").string();
    // a.pdf hangs in its child (the test-only hook) until its 2 s timeout; b.txt goes meanwhile.
    // One worker thread: it is held by a.pdf, so b.txt is read only after a.pdf's timeout.
    Spawned run = spawn_verbatim({"index", "--db", db, "--threads", "1", "--pdf-timeout", "2", dir.string()},
                                 {{"VERBATIM_TEST_PDF_FAULT", "hang"}});
    // Once the PDF child exists, the files have been listed: b.txt goes then.
    const auto start = std::chrono::steady_clock::now();
    while (!has_child(run.pid) && std::chrono::steady_clock::now() - start < std::chrono::seconds(20))
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    fs::remove(dir / "b.txt");
    CHECK(wait_exit(run) == 1);
    const std::string err = read_text(run.err);
    INFO(err);
    CHECK((contains(err, "b.txt: cannot open: No such file or directory") ||
           contains(err, "b.txt: cannot read: No such file or directory")));
    CHECK(contains(err, "a.pdf: PDF extraction timed out after 2 s"));
    CHECK(contains(err, "indexed 1 file"));
    CHECK(contains(err, " 2 skipped"));
    CHECK(searchable(db, "survivormarker"));
}

TEST_CASE("a PDF that crashes, hangs or exhausts the PDF library costs that file only") {
    const fs::path dir = fresh_dir("pdf-faults");
    write_file(dir / "report.pdf", good_pdf("1. The faultypdfmarker delegation spoke."));
    write_file(dir / "notes.txt", "1. The healthytextmarker paragraph.\n");

    struct Case {
        std::string fault, cause;
    };
    std::vector<Case> cases = {
        {"crash", "report.pdf: PDF library crashed (signal 11"},
        {"hang", "report.pdf: PDF extraction timed out after 1.5 s"},
    };
#ifndef VERBATIM_ASAN
    cases.push_back({"oom", "report.pdf: PDF needs more than 256 MB of memory"});
#else
    MESSAGE("ASan build: no address-space limit, the oom case is not run");
#endif
    for (const Case& c : cases) {
        CAPTURE(c.fault);
        const std::string db = (fresh_dir("pdf-faults-db") / "db").string();
        const auto start = std::chrono::steady_clock::now();
        const RunResult r = run_verbatim({"index", "--db", db, "--pdf-timeout", "1.5", "--pdf-memory", "256", dir.string()},
                                         {{"VERBATIM_TEST_PDF_FAULT", c.fault}});
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        INFO(r.err);
        CHECK(r.exit_code == 1);  // verbatim itself survived, and says a file was skipped
        CHECK(contains(r.err, c.cause));
        CHECK(contains(r.err, "indexed 1 file (1 units), 0 unchanged, 0 removed, 1 skipped"));
        CHECK(seconds < 6);  // bounded by the timeout, not by the PDF
        CHECK(searchable(db, "healthytextmarker"));
        CHECK_FALSE(searchable(db, "faultypdfmarker"));
    }
    // Without a fault the same PDF is read (the hook is what broke it above).
    const std::string db = (fresh_dir("pdf-faults-db") / "db").string();
    CHECK(run_verbatim({"index", "--db", db, dir.string()}).exit_code == 0);
    CHECK(searchable(db, "faultypdfmarker"));
}

TEST_CASE("many PDFs through one reader: after a crash, hang or exhausted memory the next PDF gets a fresh reader") {
    // One worker thread, so one reader serves every PDF in order: c-bad.pdf fails in the
    // middle and the files after it need a reader started afresh.
    const fs::path dir = fresh_dir("pdf-restart");
    const std::vector<std::string> good = {"alphamarker", "bravomarker", "deltamarker", "echomarker", "foxtrotmarker"};
    const std::vector<std::string> names = {"a.pdf", "b.pdf", "d.pdf", "e.pdf", "f.pdf"};
    for (size_t i = 0; i < good.size(); ++i) write_file(dir / names[i], good_pdf("1. The " + good[i] + " delegation spoke."));
    write_file(dir / "c-bad.pdf", good_pdf("1. The charliemarker delegation spoke."));
    struct Case {
        std::string fault, cause;
    };
    std::vector<Case> cases = {{"crash:bad", "c-bad.pdf: PDF library crashed (signal 11"},
                               {"hang:bad", "c-bad.pdf: PDF extraction timed out after 1.5 s"},
                               // A reader that has read a file crashes on the next: each file is read
                               // again in a fresh reader, so none is blamed and all are indexed.
                               {"crash-reused", ""}};
#ifndef VERBATIM_ASAN
    cases.push_back({"oom:bad", "c-bad.pdf: PDF needs more than 256 MB of memory"});
#endif
    for (const Case& c : cases) {
        CAPTURE(c.fault);
        const std::string db = (fresh_dir("pdf-restart-db") / "db").string();
        const RunResult r = run_verbatim(
            {"index", "--db", db, "--threads", "1", "--pdf-timeout", "1.5", "--pdf-memory", "256", dir.string()},
            {{"VERBATIM_TEST_PDF_FAULT", c.fault}});
        INFO(r.err);
        for (const std::string& marker : good) CHECK(searchable(db, marker));
        if (c.cause.empty()) {
            CHECK(r.exit_code == 0);
            CHECK(contains(r.err, "indexed 6 files"));
            CHECK(searchable(db, "charliemarker"));
        } else {
            CHECK(r.exit_code == 1);
            CHECK(contains(r.err, c.cause));
            CHECK(contains(r.err, "indexed 5 files"));
            CHECK(contains(r.err, " 1 skipped"));
            CHECK_FALSE(searchable(db, "charliemarker"));
        }
    }
}

TEST_CASE("no PDF reader outlives an indexer killed mid-run") {
    const fs::path dir = fresh_dir("pdf-orphan");
    write_file(dir / "a.pdf", good_pdf("1. A PDF that hangs."));
    const std::string db = (fresh_dir("pdf-orphan-db") / "db").string();
    Spawned run = spawn_verbatim({"index", "--db", db, "--pdf-timeout", "60", dir.string()},
                                 {{"VERBATIM_TEST_PDF_FAULT", "hang"}});
    const auto start = std::chrono::steady_clock::now();
    pid_t reader = -1;
    while (reader < 0 && std::chrono::steady_clock::now() - start < std::chrono::seconds(20)) {
        reader = child_of(run.pid);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    REQUIRE(reader > 0);
    kill(run.pid, SIGKILL);
    CHECK(wait_exit(run) == 128 + SIGKILL);
    // The reader gets SIGKILL when its parent dies (PR_SET_PDEATHSIG); init reaps it.
    const auto killed = std::chrono::steady_clock::now();
    while (fs::exists("/proc/" + std::to_string(reader)) && std::chrono::steady_clock::now() - killed < std::chrono::seconds(5))
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const std::string stat = read_text("/proc/" + std::to_string(reader) + "/stat");
    INFO(stat);
    CHECK((stat.empty() || stat.find(") Z ") != std::string::npos));  // gone, or a zombie awaiting its reaper
}

TEST_CASE("malformed queries, references and drafts: a clear message and exit 2, never a crash") {
    const std::string db = corpus_db();
    const std::string long_text(10000, 'x');
    struct Case {
        std::vector<std::string> args;
        std::string says;
    };
    const std::vector<Case> cases = {
        {{"search", "\"joint investigation"}, "never closed"},
        {{"search", "victims (protection"}, "never closed"},
        {{"search", "victims ) protection"}, "no matching '('"},
        {{"search", "colour:red"}, "unknown field"},
        {{"search", ""}, "empty query"},
        {{"search", "   "}, "empty query"},
        {{"search", long_text}, "too long"},
        {{"search", "victims\x01protection"}, "control character"},
        {{"search", "victims\x1b[31m"}, "control character"},
        {{"search", "year:"}, "needs a value"},
        {{"search", "OR"}, "needs a search term"},
        {{"cite", ""}, "empty reference"},
        {{"cite", long_text}, "too long"},
        {{"cite", "CTOC/COP/WG.4/2020/4, para.\x07 12"}, "control character"},
        {{"cite", "CTOC/COP/WG.4/2020/4, para."}, "no number"},
        {{"cite", "\"CTOC/COP/WG.4/2020/4, para. 12"}, "quote"},
        {{"cite", "CTOC/COP/WG.4/2020/4, para. 36(b"}, "'('"},
        {{"cite", "CTOC/COP/WG.4/2020/4, para. 36 b)"}, "')'"},
        {{"cite", "CTOC/COP/WG.4/2020/4, para. [3"}, "'['"},
        {{"agreed", ""}, "no words"},
        {{"agreed", "   "}, "no words"},
        {{"agreed", "!!! ??? ..."}, "no words"},
        {{"agreed", long_text}, "no words"},
    };
    for (const Case& c : cases) {
        std::vector<std::string> args = c.args;
        args.insert(args.begin() + 1, {"--db", db});
        const RunResult r = run_verbatim(args);
        CAPTURE(c.args[0]);
        CAPTURE(c.args[1].substr(0, 80));
        CHECK(r.exit_code == 2);
        CHECK(r.out.empty());
        CHECK(r.err.rfind("verbatim: ", 0) == 0);
        CHECK(contains(r.err, c.says));
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
    // Control characters in a draft are whitespace to agreed (pasted text holds them): no error.
    const RunResult pasted = run_verbatim({"agreed", "--db", db, "victims\x0b of\x0c trafficking\x01 in persons"});
    CHECK(pasted.exit_code < 2);
    // A reference that is well formed but names nothing is "nothing found", not an error.
    CHECK(run_verbatim({"cite", "--db", db, "A/RES/99/999, para. 1"}).exit_code == 1);
}
