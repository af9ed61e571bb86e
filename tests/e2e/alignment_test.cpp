// Same paragraph in another language without numbers (issue 17): the English and Russian
// PDFs of A/HRC/WG.6/34/ITA/3 against their hand-aligned paragraph pairs (HURIDOCS), read
// from ../shared/ext/un-pdfs (or $VERBATIM_REAL_DOCS/un-pdfs), never copied here.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "analysis/analyser.h"
#include "query/search/parallel.h"
#include "query/search/searcher.h"
#include "query/search/unit_alignment.h"
#include "tests/e2e/support.h"

using namespace verbatim;
using namespace verbatim::e2e;
namespace fs = std::filesystem;

namespace {

fs::path real_pdfs() {
    fs::path beside = fs::path(VERBATIM_SOURCE_DIR) / ".." / "shared" / "ext" / "un-pdfs";
    if (fs::exists(beside)) return beside;
    if (const char* env = std::getenv("VERBATIM_REAL_DOCS"); env && fs::exists(fs::path(env) / "un-pdfs"))
        return fs::path(env) / "un-pdfs";
    return {};
}

std::map<std::string, int> words(const Analyser& analyser, const std::string& text) {
    std::map<std::string, int> out;
    for (const Token& t : analyser.tokenize(text))
        if (t.role != Token::Role::joined) ++out[t.term];
    return out;
}

// The unit that holds a labelled paragraph: the most words in common, relative to the
// longer of the two; -1 when none holds most of it.
int unit_of(const Analyser& analyser, const std::vector<UnitRecord>& units, const std::string& label) {
    const std::map<std::string, int> want = words(analyser, label);
    int want_n = 0;
    for (const auto& [w, n] : want) want_n += n;
    int best = -1;
    double best_score = 0.6;
    for (size_t i = 0; i < units.size(); ++i) {
        const Unit& u = units[i].unit;
        std::map<std::string, int> have = words(analyser, u.number + " " + (u.kind == UnitKind::heading ? u.label : u.text));
        int have_n = 0, common = 0;
        for (const auto& [w, n] : have) {
            have_n += n;
            auto it = want.find(w);
            if (it != want.end()) common += std::min(n, it->second);
        }
        double score = double(common) / double(std::max(want_n, have_n));
        if (score > best_score) best_score = score, best = static_cast<int>(i);
    }
    return best;
}

}  // namespace

TEST_CASE("alignment: the hand-aligned English and Russian paragraphs of A/HRC/WG.6/34/ITA/3") {
    const fs::path pdfs = real_pdfs();
    if (pdfs.empty()) {
        MESSAGE("skipped: ../shared/ext/un-pdfs (real UN PDFs and their alignment labels) is not here");
        return;
    }
    fs::path dir = fresh_dir("alignment-real");
    fs::create_directories(dir / "docs");
    for (const char* lang : {"en", "ru"}) {
        std::string name = std::string("A_HRC_WG.6_34_ITA_3_") + lang + ".pdf";
        fs::create_symlink(pdfs / name, dir / "docs" / name);
    }
    const std::string db = (dir / "verbatim.db").string();
    RunResult r = run_verbatim({"index", "--db", db, (dir / "docs").string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);

    std::ifstream in(pdfs / "labels" / "A_HRC_WG.6_34_ITA_3_en_ru.json");
    nlohmann::json labels = nlohmann::json::parse(in);
    Searcher searcher(db);
    std::optional<DocumentMeta> en = searcher.find_document("A/HRC/WG.6/34/ITA/3");
    REQUIRE(en);
    std::optional<DocumentMeta> ru = parallel_document(searcher, *en, "ru");
    if (en->lang != "en") std::swap(en, ru);
    REQUIRE(ru);
    REQUIRE(en->lang == "en");
    const std::vector<UnitRecord> en_units = searcher.document_units(en->id), ru_units = searcher.document_units(ru->id);
    Analyser en_words("en"), ru_words("ru");

    size_t pairs = 0, held = 0, unnumbered = 0, right = 0, wrong = 0, none = 0;
    std::string wrongs;
    for (const auto& p : labels["paragraphs"]) {
        ++pairs;
        int i = unit_of(en_words, en_units, p["main_language"].get<std::string>());
        int j = unit_of(ru_words, ru_units, p["other_language"].get<std::string>());
        if (i < 0 || j < 0) {  // a line that is no unit of its own (the distribution line)
            MESSAGE("not a unit on the " << (i < 0 ? "English" : "Russian") << " side: "
                                         << p[i < 0 ? "main_language" : "other_language"].get<std::string>().substr(0, 80));
            continue;
        }
        ++held;
        unnumbered += !shared_anchor(en_units[static_cast<size_t>(i)].unit.anchor);
        std::optional<UnitRecord> counterpart = parallel_unit(searcher, en_units[static_cast<size_t>(i)], "ru");
        if (!counterpart) ++none;
        else if (counterpart->unit.anchor == ru_units[static_cast<size_t>(j)].unit.anchor) ++right;
        else {
            ++wrong;
            wrongs += en_units[static_cast<size_t>(i)].unit.anchor + " -> " + counterpart->unit.anchor + " (not " +
                      ru_units[static_cast<size_t>(j)].unit.anchor + "); ";
        }
    }
    MESSAGE("alignment: " << pairs << " labelled pairs, " << held << " held by a unit on both sides (" << unnumbered
                          << " of them without a paragraph number): " << right
                          << " paired right, " << wrong << " wrong, " << none << " without a counterpart");
    CAPTURE(wrongs);
    CHECK(held >= pairs * 8 / 10);
    CHECK(right == held);
    CHECK(wrong == 0);
}
