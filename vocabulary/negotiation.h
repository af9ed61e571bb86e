// Negotiation markup in comment papers and draft recommendations: tracked changes
// ("~~text~~") and bracketed annotations ("[add: Canada]", "[delete: Canada, USA]",
// "[modify as tracked: UK]", "[retain: USA]", "[replace with 'X': Mexico]",
// "[option 1: ...]", "[Proposed by Israel]") and status lines ("[agreed]",
// "[agreed as amended]", "[pending]"). The structure stage records them on the unit
// (indexer/structure/annotations.h), the writer indexes the text read without them, and
// the text output sets them apart.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace verbatim::vocabulary {

// One change an annotation proposes (the unit keeps it as a model Change).
struct ProposedChange {
    std::string action;                    // add, delete, modify, retain, replace, remove, combine,
                                           // split, propose
    std::vector<std::string> delegations;  // canonical names where known ("United Kingdom")
    std::string text;                      // the words it refers to, as well as can be told
    std::string note;                      // "option 1", a quoted replacement, ...
};

struct Annotation {
    std::size_t start = 0, end = 0;  // byte span, brackets included
    std::string status;              // agreed, agreed as amended, pending; empty for a change
    std::vector<ProposedChange> changes;
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

}  // namespace verbatim::vocabulary
