// Footnotes and the units that cite them: the last step of build_units (units.h).
#pragma once

#include <string>
#include <vector>

#include "model/document.h"

namespace verbatim::blocks {

// Links each footnote to the unit holding its marker (`markers`, parallel to `units`; the
// first unit to hold it): the footnote takes that unit's anchor as parent and its heading
// path, is cited through it ("para. 3, footnote 12") unless it is a heading or unnumbered
// text, and the unit lists it among its footnotes.
void link_footnotes(std::vector<Unit>& units, const std::vector<std::vector<std::string>>& markers);

}  // namespace verbatim::blocks
