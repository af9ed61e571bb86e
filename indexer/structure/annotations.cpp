#include "indexer/structure/annotations.h"

#include <algorithm>

#include "vocabulary/countries.h"
#include "vocabulary/negotiation.h"

namespace verbatim {

void annotate_unit(const DocumentMeta& doc, Unit& unit) {
    std::vector<vocabulary::Annotation> annotations = vocabulary::find_annotations(unit.text);
    for (vocabulary::Annotation& a : annotations) {
        if (!a.status.empty()) unit.status = a.status;  // the last status line wins
        for (vocabulary::ProposedChange& c : a.changes) {
            for (const std::string& d : c.delegations)
                if (!vocabulary::canonical_country(d).empty() &&
                    std::find(unit.countries.begin(), unit.countries.end(), d) == unit.countries.end())
                    unit.countries.push_back(d);
            unit.changes.push_back(Change{std::move(c.action), std::move(c.delegations), std::move(c.text), std::move(c.note)});
        }
    }
    for (const std::string& c : vocabulary::countries_in(unit.text))
        if (std::find(unit.countries.begin(), unit.countries.end(), c) == unit.countries.end()) unit.countries.push_back(c);

    bool recommendation = unit.kind == UnitKind::recommendation || unit.kind == UnitKind::item;
    if (!unit.status.empty() || !recommendation) return;
    if (doc.type == "report" || doc.type == "resolution") unit.status = "adopted";
    else if (std::any_of(unit.changes.begin(), unit.changes.end(), [](const Change& c) { return c.action == "propose"; }) &&
             unit.text.rfind("[Proposed", 0) == 0)
        unit.status = "proposed";
    else unit.status = "draft";
}

}  // namespace verbatim
