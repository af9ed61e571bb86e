// What the PDF reader decides before OCR (issue 21): garbage text layers, languages,
// language data; and that the OCR marks survive the wire and the unit record.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "indexer/extract/ocr_cache.h"
#include "indexer/extract/ocr_choice.h"
#include "indexer/extract/pdf_wire.h"
#include "model/unit_record.h"

using namespace verbatim;
namespace fs = std::filesystem;

namespace {

std::vector<PositionedWord> words(const std::string& text) {
    std::vector<PositionedWord> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) out.push_back({.text = text.substr(start, end - start)});
        start = end + 1;
    }
    return out;
}

PageWords page_of(const std::string& text) {
    PageWords page;
    page.words = words(text);
    return page;
}

}  // namespace

TEST_CASE("issue 21: running text in any script reads as words; a garbage text layer does not") {
    const std::vector<std::string> text = {
        "The Working Group recommended that the Conference of the Parties consider the following (a) UNODC 2020",
        "Le Groupe de travail a recommandé que la Conférence des Parties examine les recommandations suivantes",
        "Рабочая группа рекомендовала Конференции участников рассмотреть следующие рекомендации для принятия",
        "أوصى الفريق العامل بأن ينظر مؤتمر الأطراف في التوصيات التالية من أجل اعتمادها في دورته العاشرة",
        "El Grupo de Trabajo recomendó que la Conferencia de las Partes examinara las siguientes recomendaciones"};
    for (const std::string& t : text) {
        INFO(t);
        CHECK(word_like_share(words(t)) > 0.8);
        CHECK_FALSE(page_needs_ocr(page_of(t)));
    }
    // What old scans carry: glyphs mapped to the wrong code points, private-use symbols.
    const std::vector<std::string> garbage = {
        "Tkf Wrxkntg Gxqvp xfcqmmfndfd thbt tkf Cqnfffrfncf qf tkf Pbxtkfs cqnsjdfr tkf fqllqwjng",
        "\xEF\x80\xA1\xEF\x80\xA2 \xEF\x80\xA3\xEF\x80\xA4 \xEF\x80\xA5 \xEF\x80\xA6\xEF\x80\xA7 \xEF\x80\xA8 "
        "\xEF\x80\xA9 \xEF\x80\xAA \xEF\x80\xAB \xEF\x80\xAC \xEF\x80\xAD \xEF\x80\xAE \xEF\x80\xAF \xEF\x80\xB0",
        "Ð°Ð±Ð²Ð³ Ñ\x80Ñ\x81Ñ\x82 Ð¿Ñ\x80Ð¸Ð² Ð¼Ð¸Ñ\x80 Ð´Ð¾Ð¼ Ñ\x8dÑ\x82Ð¾ Ð½Ð¾Ð² Ñ\x81Ñ\x82Ð°Ñ\x80 Ð²Ð¾Ð´Ð° Ð½ÐµÐ±Ð¾ "
        "Ð»ÐµÑ\x81 Ð³Ð¾Ñ\x80Ð° Ð¿Ð¾Ð»Ðµ"};
    for (const std::string& t : garbage) {
        INFO(t);
        CHECK(word_like_share(words(t)) < kMinWordLikeShare);
        CHECK(page_needs_ocr(page_of(t)));
    }
    CHECK(page_needs_ocr(PageWords{}));                         // no text layer at all
    CHECK(word_like_share(words("x7 qq zz")) == 1.0);  // too little to judge: kept
}

TEST_CASE("issue 21: the OCR language from --ocr-lang names, file names and the other pages") {
    CHECK(tesseract_language("ru") == "rus");
    CHECK(tesseract_language("ZH") == "chi_sim");
    CHECK(tesseract_language("chi_sim") == "chi_sim");
    CHECK(tesseract_language("xx").empty());
    CHECK(language_from_file_name("A_HRC_WG.6_34_ITA_3_ru.pdf") == "rus");
    CHECK(language_from_file_name("report.fr.pdf") == "fra");
    CHECK(language_from_file_name("note-AR.pdf") == "ara");
    CHECK(language_from_file_name("N8512345.pdf").empty());
    CHECK(language_from_file_name("minutes_of_the_meeting.pdf").empty());

    std::string french, russian;
    for (int i = 0; i < 10; ++i) {
        french += "le rapport de la commission et les recommandations des parties pour une session ";
        russian += "доклад рабочей группы о рекомендациях конференции участников ";
    }
    CHECK(language_from_text({page_of(french)}) == "fra");
    CHECK(language_from_text({page_of(russian)}) == "rus");
    CHECK(language_from_text({page_of("too little")}).empty());
    CHECK(language_for_script("Cyrillic") == "rus");
    CHECK(language_for_script("Arabic") == "ara");
}

TEST_CASE("issue 21: missing language data is named by its Debian package") {
    const fs::path empty = fs::temp_directory_path() / "verbatim-no-tessdata";
    fs::create_directories(empty);
    std::ofstream(empty / "eng.traineddata") << "x";
    CHECK(missing_languages("eng+rus+chi_sim", empty) == std::vector<std::string>{"rus", "chi_sim"});
    const std::string message = missing_language_message({"rus", "chi_sim"});
    CHECK(message.find("tesseract-ocr-rus tesseract-ocr-chi-sim") != std::string::npos);
    fs::remove_all(empty);
}

TEST_CASE("issue 21: OCR marks survive the wire, the cache and the unit record") {
    PageWords page;
    page.index = 3;
    page.words = words("read by OCR");
    page.ocr = true;
    page.ocr_confidence = 0.91;
    page.ocr_problem = "";
    auto back = deserialise_pages(serialise_pages(std::vector<PageWords>{page}));
    const PageWords& got = std::get<std::vector<PageWords>>(back).at(0);
    CHECK(got.ocr);
    CHECK(got.ocr_confidence == doctest::Approx(0.91));
    CHECK(got.words.size() == 3);

    const fs::path folder = fs::temp_directory_path() / "verbatim-ocr-cache-test";
    fs::remove_all(folder);
    const OcrCache cache(folder, "the bytes of a scan");
    CHECK_FALSE(cache.load(3, "eng"));
    cache.store(page, "eng");
    const auto kept = cache.load(3, "eng");
    REQUIRE(kept);
    CHECK(kept->ocr_cached);
    CHECK(kept->words.size() == 3);
    CHECK_FALSE(cache.load(3, "rus"));                                   // other languages: read again
    CHECK_FALSE(OcrCache(folder, "other bytes").load(3, "eng"));       // other content
    fs::remove_all(folder);

    Unit unit;
    unit.text = "x";
    unit.ocr = true;
    unit.ocr_confidence = 0.934;
    const auto [read, doc] = parse_unit(serialise_unit("d", unit));
    CHECK(read.ocr);
    CHECK(read.ocr_confidence == doctest::Approx(0.934));
    Unit plain;
    CHECK_FALSE(parse_unit(serialise_unit("d", plain)).first.ocr);
}
