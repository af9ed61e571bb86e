// A unit's negotiation markup as the unit records it: its status line, the changes
// delegations propose and the delegations named. The markup's grammar is UN vocabulary
// (vocabulary/negotiation.h), read the same way by the writer and the text output.
#pragma once

#include "model/document.h"

namespace verbatim {

// Sets the unit's status, changes and countries from its text and its document.
void annotate_unit(const DocumentMeta& doc, Unit& unit);

}  // namespace verbatim
