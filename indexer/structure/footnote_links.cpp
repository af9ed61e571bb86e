#include "indexer/structure/footnote_links.h"

#include <map>

namespace verbatim::blocks {

void link_footnotes(std::vector<Unit>& units, const std::vector<std::vector<std::string>>& markers) {
    std::map<std::string, size_t> holder;  // footnote number -> unit index
    for (size_t i = 0; i < units.size(); ++i) {
        if (units[i].kind == UnitKind::footnote) continue;
        for (const std::string& m : markers[i]) holder.emplace(m, i);
    }
    for (Unit& note : units) {
        if (note.kind != UnitKind::footnote) continue;
        auto it = holder.find(note.number);
        if (it == holder.end()) continue;
        Unit& owner = units[it->second];
        note.parent = owner.anchor;
        note.heading_path = owner.heading_path;
        if (owner.kind != UnitKind::heading && owner.kind != UnitKind::text)
            note.ref = owner.ref + ", footnote " + note.number;
        owner.footnotes.push_back(note.anchor);
    }
}

}  // namespace verbatim::blocks
