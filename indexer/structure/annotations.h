// Negotiation markup in comment papers and draft recommendations: tracked changes
// ("~~text~~") and bracketed annotations ("[add: Canada]", "[delete: Canada, USA]",
// "[modify as tracked: UK]", "[retain: USA]", "[replace with 'X': Mexico]",
// "[option 1: ...]", "[Proposed by Israel]") and status lines ("[agreed]",
// "[agreed as amended]", "[pending]").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace verbatim {

struct Annotation {
    size_t start = 0, end = 0;  // byte span, brackets included
    std::string status;         // agreed, agreed as amended, pending; empty for a change
    std::vector<Change> changes;
};

// Every annotation in `text`, in order. Brackets that hold negotiated text rather than
// an annotation ("[States parties should ...]", "meeting[s]") are not annotations.
std::vector<Annotation> find_annotations(std::string_view text);

// The text as it reads without annotations and tracked-change marks: what phrases are
// matched against. "joint or coordinated [add: Indonesia] investigation teams" reads
// "joint or coordinated investigation teams".
std::string reading_text(std::string_view text);

// The annotations' own words ("add: Indonesia"), for indexing apart from the text.
std::string annotation_words(std::string_view text);

// Sets the unit's status, changes and countries from its text and its document.
void annotate_unit(const DocumentMeta& doc, Unit& unit);

}  // namespace verbatim
