// Paragraph numbers lost in conversion ("- Mr. Sturland ..." where "12." was). An
// unnumbered block among numbered paragraphs is a candidate (unit_assemblers.h); the next
// numbered paragraph or heading closes the run of candidates, and the numbering says what
// they were: paragraphs that take the missing numbers when they fit, else the paragraph
// before's own continuation, joined back to it once the document is assembled.
#pragma once

#include <string>
#include <vector>

#include "indexer/structure/unit_assembly.h"
#include "model/document.h"

namespace verbatim::blocks {

// The numbers `count` candidates take between paragraphs `from` and `to` (0 when a
// heading closed the run: no number follows to bound it), in order; 0 for a candidate that
// was no paragraph. A text layer keeps its numbers (`numbers_in_text`): they are restored
// only where the candidates fill the gap exactly, and at most two.
std::vector<int> inferred_numbers(int count, int from, int to, bool numbers_in_text);

// Closes the run of candidates before paragraph `to` (0: before a heading): each becomes
// the paragraph its number says, in the part it was made in, or is marked to join the unit
// before it (Assembly::merged_back).
void close_candidates(Assembly& assembly, int to);

// Candidates after the last numbered paragraph: no number follows to say which were
// paragraphs, so they stay unnumbered text, counted after all the others.
void number_remaining_candidates(Assembly& assembly);

// Joins each unit of `merged` to the nearest unit before it that is not merged (its text on
// a new line, its last page, its footnote markers), and removes it.
void merge_back(std::vector<Unit>& units, std::vector<std::vector<std::string>>& markers,
                const std::vector<size_t>& merged);

}  // namespace verbatim::blocks
