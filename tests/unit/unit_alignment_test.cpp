// Pairing the units of two language versions without numbers (issue 17): hand-written
// English and Russian units.
#include <doctest/doctest.h>

#include "query/search/unit_alignment.h"

using namespace verbatim;

namespace {

Unit unit(const std::string& anchor, UnitKind kind, const std::string& text, const std::string& parent = "") {
    Unit u;
    u.anchor = anchor;
    u.kind = kind;
    u.text = text;
    u.parent = parent;
    return u;
}

}  // namespace

TEST_CASE("alignment: unnumbered paragraphs, lettered items and headings pair; a unit the other lacks has none") {
    const std::vector<Unit> en{
        unit("sec-i", UnitKind::heading, "I. Background and framework"),
        unit("text-1", UnitKind::text, "The present report was prepared on 14 August 2019 pursuant to resolution 5/1."),
        unit("para-1", UnitKind::paragraph, "Italy ratified the Convention in 2018 and the Optional Protocol in 2019."),
        unit("para-1-a", UnitKind::item, "To adopt a national human rights institution;", "para-1"),
        unit("para-1-b", UnitKind::item, "To ratify the ILO Domestic Workers Convention, 2011 (No. 189).", "para-1"),
        unit("text-2", UnitKind::text, "A short note that only the English version carries, about nothing at all."),
        unit("text-3", UnitKind::text, "JS2 and Amnesty International noted that 120,000 migrants arrived by sea in 2017."),
        unit("fn-1", UnitKind::footnote, "See A/HRC/WG.6/34/ITA/1."),
    };
    const std::vector<Unit> ru{
        unit("sec-i", UnitKind::heading, "I. Исходная информация и рамочная основа"),
        unit("text-1", UnitKind::text,
             "Настоящий доклад был подготовлен 14 августа 2019 года в соответствии с резолюцией 5/1."),
        unit("para-1", UnitKind::paragraph,
             "Италия ратифицировала Конвенцию в 2018 году и Факультативный протокол в 2019 году."),
        unit("para-1-а", UnitKind::item, "Создать национальное правозащитное учреждение;", "para-1"),
        unit("para-1-b", UnitKind::item,
             "Ратифицировать Конвенцию МОТ о домашних работниках 2011 года (№ 189).", "para-1"),
        unit("text-2", UnitKind::text,
             "Авторы СП2 и Amnesty International отметили, что в 2017 году морем прибыли 120 000 мигрантов."),
        unit("fn-1", UnitKind::footnote, "См. A/HRC/WG.6/34/ITA/1."),
    };
    std::vector<std::optional<size_t>> pairs = align_units(en, ru);
    REQUIRE(pairs.size() == en.size());
    const std::vector<std::optional<size_t>> expected{0, 1, 2, 3, 4, std::nullopt, 5, 6};
    for (size_t i = 0; i < en.size(); ++i) {
        CAPTURE(en[i].anchor);
        CHECK(pairs[i].value_or(99) == expected[i].value_or(99));
    }
    CHECK(shared_anchor("para-12"));
    CHECK(shared_anchor("fn-3"));
    CHECK_FALSE(shared_anchor("para-12-b"));
    CHECK_FALSE(shared_anchor("text-4"));
    CHECK(align_units(en, {}) == std::vector<std::optional<size_t>>(en.size()));
}

TEST_CASE("alignment: numbered anchors hold against lengths, and a missing paragraph leaves a gap") {
    std::vector<Unit> a, b;
    for (int i = 1; i <= 6; ++i) {
        a.push_back(unit("para-" + std::to_string(i), UnitKind::paragraph,
                         std::string(static_cast<size_t>(40 + 30 * i), 'x') + " " + std::to_string(i)));
        if (i != 4)
            b.push_back(unit("para-" + std::to_string(i), UnitKind::paragraph,
                             std::string(static_cast<size_t>(44 + 33 * i), 'y') + " " + std::to_string(i)));
    }
    std::vector<std::optional<size_t>> pairs = align_units(a, b);
    const std::vector<std::optional<size_t>> expected{0, 1, 2, std::nullopt, 3, 4};
    for (size_t i = 0; i < a.size(); ++i) {
        CAPTURE(i);
        CHECK(pairs[i].value_or(99) == expected[i].value_or(99));
    }
}
