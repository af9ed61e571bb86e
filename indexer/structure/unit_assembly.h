// The units being assembled from a document's blocks, and the operations every assembler
// (unit_assemblers.h) shares: adding a unit (placed in its part, under its headings, with
// a unique anchor), appending a block to one, opening a heading.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "indexer/structure/block_classify.h"
#include "indexer/structure/unit_blocks.h"
#include "model/document.h"

namespace verbatim::blocks {

struct Assembly {
    std::vector<Unit> units;
    std::vector<std::vector<std::string>> unit_markers;  // footnote markers, parallel to units
    std::vector<std::pair<int, std::string>> headings;   // (level, text) stack
    std::vector<std::string> heading_refs;               // "III", "A", words: parallel to headings
    int current = -1;        // index of the body unit that text continues
    int last_footnote = -1;
    int last_paragraph = 0;  // the last numbered paragraph's number
    bool numbered_region = false;
    bool embedded_list = false;  // the current paragraph quotes a numbered list (an agenda)
    int text_count = 0;
    int table_count = 0;
    bool numbers_in_text = false;  // a PDF: no number is restored from the sequence
    // The part whose numbering restarts (an annex, a draft resolution) that the units
    // being built belong to, and how many restarts had no part heading.
    std::string part;
    int restarts = 0;
    // A resolution's preamble: after its chapeau, before its first operative paragraph.
    bool in_preamble = false;
    int preambular_count = 0;
    int contents = -1;  // the unit holding the table of contents being read, else -1
    int caption = -1;   // the table or figure whose rows, labels and notes follow, else -1
    std::map<std::string, int> anchor_uses;
    // Unnumbered paragraphs since the last numbered one that may have lost their number
    // (number_inference.h), and those found not to be paragraphs: once assembled, they join
    // the unit before them.
    std::vector<int> candidates;
    std::vector<size_t> merged_back;

    // What the classification of the next block reads of these units.
    Context context(const Block* previous, const Block* next) const;

    std::vector<std::string> heading_path() const;
    const Unit* current_unit() const;
    // An unnumbered paragraph, counted in brackets: "[3]", cited "para. [3]".
    Unit next_text_unit();
    // `anchor`, or with "-2", "-3" when used before.
    std::string unique_anchor(std::string anchor);
    // A unit of a restarting part is cited and anchored with the part's name first:
    // "annex I, para. 3", "annex-i-para-3".
    void place_in_part(Unit& unit) const;
    // Adds `unit` with the block's text, pages and markers; its index. `named_part`: the
    // unit's citation already names its part (an item of a paragraph).
    int add(Unit unit, const Block& block, std::string_view text, bool named_part = false);
    // Appends the block's text to unit `index`: a space between when the sentence goes on,
    // else a new line.
    void append(int index, const Block& block, std::string_view text, bool same_sentence);
    // Opens a heading of `level`, closing those at or below it; it becomes the current unit.
    void push_heading(int level, const std::string& text, const std::string& numbering, const Block& block);
};

// A numbered paragraph's unit: "para. 12", anchor "para-12".
Unit make_paragraph(const std::string& number, bool inferred);

// "General draft recommendations" -> "general-draft-recommendations" (ASCII letters and
// digits, at most five words).
std::string slug_words(const std::string& text);

}  // namespace verbatim::blocks
