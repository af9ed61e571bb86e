// End-to-end on PDFs: each PDF read as its golden file specifies, broken PDFs reported
// one line each, a report given as .txt and .pdf indexed once with the PDF's pages,
// and no page furniture in any unit.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/real_docs.h"

#include "tests/e2e/support.h"

using namespace verbatim::e2e;
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kGoldenWords = 6;  // as scripts/make-golden.py writes them

bool contains(const std::string& s, const std::string& needle) { return s.find(needle) != std::string::npos; }

std::vector<std::string> split(const std::string& s, char separator) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(s);
    while (std::getline(in, part, separator)) parts.push_back(part);
    if (!s.empty() && s.back() == separator) parts.emplace_back();
    return parts;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.push_back(line);
    return lines;
}

fs::path source_dir() { return fs::path(VERBATIM_SOURCE_DIR); }

// What a golden file asks for: the expected lines, and the units known to be wrong
// ("#wrong<TAB>kind<TAB>label<TAB>why"), which are left out of the comparison.
struct Golden {
    std::vector<std::string> lines;
    std::set<std::pair<std::string, std::string>> wrong;
};

Golden read_golden(const fs::path& path) {
    Golden golden;
    std::ifstream in(path);
    bool header = true;
    for (std::string line; std::getline(in, line);) {
        if (header) {
            header = false;
            continue;
        }
        if (line.rfind("#wrong\t", 0) == 0) {
            const std::vector<std::string> f = split(line, '\t');
            if (f.size() >= 3) golden.wrong.insert({f[1], f[2]});
            continue;
        }
        if (line.empty() || line[0] == '#') continue;
        golden.lines.push_back(line);
    }
    return golden;
}

std::string join_words(const std::vector<std::string>& words, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i) out += (out.empty() ? "" : " ") + words[i];
    return out;
}

std::string string_field(const nlohmann::json& unit, const char* name) {
    const auto& v = unit.at(name);
    return v.is_string() ? v.get<std::string>() : "";
}

// The golden line of one unit of `show --json` (kind, label, pages, first and last words).
std::string golden_line(const nlohmann::json& unit) {
    std::vector<std::string> words;
    std::string word;
    // A heading's JSON text repeats its label (issue 18); the golden files give its label alone.
    const std::string text = string_field(unit, "kind") == "heading" ? std::string() : string_field(unit, "text");
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            if (!word.empty()) words.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(word);
    std::string pages = "-";
    if (unit.contains("pages") && unit["pages"].is_array() && !unit["pages"].empty()) {
        const int first = unit["pages"].front().get<int>();
        const int last = unit["pages"].back().get<int>();
        pages = first == last ? std::to_string(first) : std::to_string(first) + "-" + std::to_string(last);
    }
    const std::size_t n = words.size();
    return string_field(unit, "kind") + "\t" + string_field(unit, "label") + "\t" + pages + "\t" +
           join_words(words, 0, std::min(n, kGoldenWords)) + "\t" +
           join_words(words, n > kGoldenWords ? n - kGoldenWords : 0, n);
}

// The one document of an index: `show` with an unknown name lists what the index holds.
std::string only_document(const std::string& db) {
    const RunResult r = run_verbatim({"show", "--db", db, "no such document"});
    const std::size_t at = r.err.find("it holds:");
    REQUIRE_MESSAGE(at != std::string::npos, "cannot list the documents of " << db << ": " << r.err);
    std::istringstream names(r.err.substr(at + 9));
    std::vector<std::string> all;
    for (std::string name; names >> name;) all.push_back(name);
    REQUIRE_MESSAGE(all.size() == 1, "expected one document in " << db << ", got: " << r.err);
    return all.front();
}

// Indexes `pdf` alone (with the manifest beside it, if any) and returns its units.
nlohmann::json units_of_pdf_alone(const fs::path& pdf) {
    const fs::path dir = fresh_dir("golden");
    const fs::path files = dir / "files";
    fs::create_directories(files);
    fs::copy_file(pdf, files / pdf.filename());
    if (fs::exists(pdf.parent_path() / "manifest.ini"))
        fs::copy_file(pdf.parent_path() / "manifest.ini", files / "manifest.ini");
    const std::string db = (dir / "db").string();
    const RunResult index = run_verbatim({"index", "--db", db, files.string()});
    INFO(index.err);
    REQUIRE(index.exit_code == 0);
    const RunResult show = run_verbatim({"show", "--db", db, "--json", only_document(db)});
    REQUIRE(show.exit_code == 0);
    return nlohmann::json::parse(show.out).at("units");
}

// The seed PDFs are in corpus/; the real UN PDFs the other golden files describe stay
// outside the repository (tests/real_docs.h).
fs::path pdf_for_golden(const fs::path& golden) {
    const std::string name = golden.stem().string();  // "<pdf file name>" without ".tsv"
    if (fs::exists(corpus_dir() / name)) return corpus_dir() / name;
    return verbatim::testing::real_doc("un-pdfs/" + name, "golden checks of the real UN PDFs in un-pdfs/");
}

}  // namespace

TEST_CASE("every PDF gives the units its golden file specifies") {
    const fs::path golden_dir = source_dir() / "tests/data/golden";
    std::vector<fs::path> goldens;
    for (const auto& entry : fs::directory_iterator(golden_dir))
        if (entry.path().extension() == ".tsv") goldens.push_back(entry.path());
    std::sort(goldens.begin(), goldens.end());
    // Every PDF of corpus/ has one.
    for (const auto& entry : fs::directory_iterator(corpus_dir()))
        if (entry.path().extension() == ".pdf")
            CHECK_MESSAGE(fs::exists(golden_dir / (entry.path().filename().string() + ".tsv")),
                          "no golden file for " << entry.path());

    for (const fs::path& golden_path : goldens) {
        const std::string file = golden_path.filename().string();
        const fs::path pdf = pdf_for_golden(golden_path);
        if (pdf.empty()) continue;  // a real UN PDF that is not here (said once above)
        const Golden golden = read_golden(golden_path);
        std::vector<std::string> actual;
        for (const nlohmann::json& unit : units_of_pdf_alone(pdf))
            if (!golden.wrong.count({string_field(unit, "kind"), string_field(unit, "label")}))
                actual.push_back(golden_line(unit));
        const std::size_t common = std::min(actual.size(), golden.lines.size());
        std::size_t mismatch = common;
        for (std::size_t i = 0; i < common && mismatch == common; ++i)
            if (actual[i] != golden.lines[i]) mismatch = i;
        if (mismatch < common) {
            FAIL_CHECK(file << ": unit " << mismatch + 1 << " differs\n  expected: " << golden.lines[mismatch]
                            << "\n  actual:   " << actual[mismatch]);
        } else if (actual.size() > golden.lines.size()) {
            FAIL_CHECK(file << ": " << actual.size() - common << " unit(s) more than specified, first: "
                            << actual[common]);
        } else if (actual.size() < golden.lines.size()) {
            FAIL_CHECK(file << ": " << golden.lines.size() - common << " unit(s) missing, first: "
                            << golden.lines[common]);
        }
        MESSAGE(file << ": " << actual.size() << " units checked, " << golden.wrong.size() << " known wrong");
    }
}

TEST_CASE("broken PDFs are skipped with one line each and the good file is indexed") {
    const fs::path dir = fresh_dir("bad");
    for (const auto& entry : fs::directory_iterator(source_dir() / "tests/data/bad"))
        fs::copy_file(entry.path(), dir / entry.path().filename());
    fs::copy_file(corpus_dir() / "001_7d3c025fb8d284f4.txt", dir / "001_7d3c025fb8d284f4.txt");
    const std::string db = (fresh_dir("bad-db") / "db").string();

    const RunResult r = run_verbatim({"index", "--db", db, dir.string()});
    INFO(r.err);
    CHECK(r.exit_code == 1);
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"zero_bytes.pdf", "empty"},
        {"random_bytes.pdf", "not a PDF"},
        {"truncated_60_percent.pdf", "damaged"},
        {"encrypted_user_password.pdf", "encrypted"},
    };
    for (const auto& expectation : expected) {
        // Named copies: clang 14 (the sanitizer and fuzz build) cannot capture structured bindings.
        const std::string& name = expectation.first;
        const std::string& cause = expectation.second;
        const std::vector<std::string> lines = lines_of(r.err);
        const auto about = std::count_if(lines.begin(), lines.end(),
                                         [&](const std::string& l) { return contains(l, name); });
        CHECK_MESSAGE(about == 1, name << " should be named on exactly one line");
        CHECK_MESSAGE(std::any_of(lines.begin(), lines.end(),
                                  [&](const std::string& l) { return contains(l, name) && contains(l, cause); }),
                      name << " should be reported as " << cause);
    }
    // Every line is ours: a problem line naming a file of the folder, or the summary.
    // Poppler's own messages ("Syntax Error: ...", "Internal Error") never get through.
    const std::string folder = dir.string();
    for (const std::string& line : lines_of(r.err)) {
        CAPTURE(line);
        const bool problem = line.rfind("verbatim: " + folder, 0) == 0;
        const bool summary = line.rfind("indexed ", 0) == 0;
        CHECK((problem || summary));
        CHECK_FALSE(contains(line, "Syntax Error"));
        CHECK_FALSE(contains(line, "Internal Error"));
    }
    CHECK(contains(r.err, "indexed 1 file"));
    CHECK(contains(r.err, " 4 skipped"));

    const RunResult search = run_verbatim({"search", "--db", db, "--json", "non-punishment"});
    CHECK(search.exit_code == 0);
    CHECK(contains(search.out, "CTOC/COP/WG.4/2020/4, para. 12"));
}

TEST_CASE("a report given as .txt and .pdf is one document, cited once, with the PDF's pages") {
    const std::string db = (fresh_dir("merged") / "db").string();
    const RunResult index = run_verbatim({"index", "--db", db, corpus_dir().string()});
    INFO(index.err);
    REQUIRE(index.exit_code == 0);
    for (const char* stem : {"000_5eede202c1eb311f", "001_7d3c025fb8d284f4", "002_45ee7947d44a7b42",
                             "003_a5e177348e1654f8", "004_3a88ebd39cf7b894"}) {
        const std::vector<std::string> lines = lines_of(index.err);
        CHECK_MESSAGE(std::any_of(lines.begin(), lines.end(),
                                  [&](const std::string& l) {
                                      return l.rfind("merged:", 0) == 0 &&
                                             contains(l, std::string(stem) + ".txt") &&
                                             contains(l, std::string(stem) + ".pdf");
                                  }),
                      "the summary should say " << stem << ".txt and .pdf were merged");
    }

    const RunResult search = run_verbatim({"search", "--db", db, "--json", "--limit", "1000", "non-punishment"});
    REQUIRE(search.exit_code == 0);
    const std::vector<std::string> citations = json_field(search.out, "citation");
    REQUIRE_FALSE(citations.empty());
    std::set<std::string> seen;
    for (const std::string& citation : citations) CHECK_MESSAGE(seen.insert(citation).second, "cited twice: " << citation);

    bool found = false;
    for (const std::string& line : lines_of(search.out)) {
        const nlohmann::json hit = nlohmann::json::parse(line);
        if (hit.at("citation") != "CTOC/COP/WG.4/2020/4, para. 12") continue;
        found = true;
        CHECK(hit.at("pages") == nlohmann::json::array({2, 3}));  // the PDF's pages, not the .txt's estimate
    }
    CHECK_MESSAGE(found, "CTOC/COP/WG.4/2020/4, para. 12 should be a hit for non-punishment");
}

TEST_CASE("no unit of the corpus carries running headers, footers or page counters") {
    const std::string db = corpus_db();
    const RunResult list = run_verbatim({"show", "--db", db, "no such document"});
    const std::size_t at = list.err.find("it holds:");
    REQUIRE(at != std::string::npos);
    std::istringstream names(list.err.substr(at + 9));
    // A job number ("V.20-05476", "GE.19-13879") or a page counter " 2/6 " (n <= m).
    const std::regex job(R"(\b[A-Z]{1,3}\.\d{2}-\d{5}\b)");
    const std::regex counter(R"((?:^|\s)(\d{1,2})/(\d{1,2})(?=\s|$))");
    int documents = 0;
    for (std::string name; names >> name;) {
        ++documents;
        const RunResult show = run_verbatim({"show", "--db", db, "--json", name});
        REQUIRE(show.exit_code == 0);
        const nlohmann::json shown = nlohmann::json::parse(show.out);  // must outlive the loop (ASan)
        for (const nlohmann::json& unit : shown.at("units")) {
            const std::string text = string_field(unit, "text") + " " + string_field(unit, "label");
            CAPTURE(name);
            CAPTURE(text);
            CHECK_FALSE(contains(text, "V.20-05476"));
            CHECK_FALSE(std::regex_search(text, job));
            for (auto it = std::sregex_iterator(text.begin(), text.end(), counter); it != std::sregex_iterator(); ++it)
                CHECK_MESSAGE(std::stoi((*it)[1].str()) > std::stoi((*it)[2].str()),
                              "page counter " << (*it)[0].str() << " in " << string_field(unit, "label"));
        }
    }
    CHECK(documents == 5);
}
