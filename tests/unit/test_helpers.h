// Small readers the unit tests share: what an analysis gave, which unit has an anchor.
#pragma once

#include <string>
#include <vector>

#include "analysis/analyser.h"
#include "indexer/structure/units.h"

namespace verbatim::test {

// The terms of `tokens`, in order.
inline std::vector<std::string> terms(const std::vector<Token>& tokens) {
    std::vector<std::string> out;
    for (const auto& t : tokens) out.push_back(t.term);
    return out;
}

// The unit with `anchor`, else nullptr.
inline const Unit* find(const StructuredText& s, const std::string& anchor) {
    for (const Unit& u : s.units)
        if (u.anchor == anchor) return &u;
    return nullptr;
}

}  // namespace verbatim::test
