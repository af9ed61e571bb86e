#include "indexer/structure/number_inference.h"

#include <algorithm>

#include "indexer/structure/block_kinds.h"

namespace verbatim::blocks {

std::vector<int> inferred_numbers(int count, int from, int to, bool numbers_in_text) {
    const int gap = to > 0 ? to - from - 1 : count;
    int numbered = std::min(gap, count);
    if (numbers_in_text && (gap != count || gap > 2)) numbered = 0;
    std::vector<int> numbers(static_cast<size_t>(count), 0);
    for (int k = 0; k < numbered; ++k) numbers[static_cast<size_t>(k)] = from + 1 + k;
    return numbers;
}

void close_candidates(Assembly& a, int to) {
    if (a.candidates.empty()) return;
    const std::vector<int> numbers =
        inferred_numbers(static_cast<int>(a.candidates.size()), a.last_paragraph, to, a.numbers_in_text);
    for (size_t k = 0; k < a.candidates.size(); ++k) {
        const size_t index = static_cast<size_t>(a.candidates[k]);
        if (numbers[k] == 0) {
            a.merged_back.push_back(index);
            continue;
        }
        Unit& unit = a.units[index];
        Unit paragraph = make_paragraph(std::to_string(numbers[k]), true);
        paragraph.heading_path = std::move(unit.heading_path);
        paragraph.text = std::move(unit.text);
        paragraph.page_first = unit.page_first;
        paragraph.page_last = unit.page_last;
        paragraph.seq = unit.seq;
        if (!a.part.empty()) {  // the candidate was made in this part
            paragraph.part = a.part;
            paragraph.ref = a.part + ", " + paragraph.ref;
            paragraph.anchor = part_slug(a.part) + "-" + paragraph.anchor;
        }
        paragraph.anchor = a.unique_anchor(paragraph.anchor);
        unit = std::move(paragraph);
    }
    a.candidates.clear();
}

void number_remaining_candidates(Assembly& a) {
    for (int c : a.candidates) {
        Unit& unit = a.units[static_cast<size_t>(c)];
        Unit numbered = a.next_text_unit();
        unit.number = numbered.number;
        unit.label = numbered.label;
        unit.ref = unit.part.empty() ? numbered.ref : unit.part + ", " + numbered.ref;
        unit.anchor =
            a.unique_anchor(unit.part.empty() ? numbered.anchor : part_slug(unit.part) + "-" + numbered.anchor);
    }
    a.candidates.clear();
}

void merge_back(std::vector<Unit>& units, std::vector<std::vector<std::string>>& markers,
                const std::vector<size_t>& merged) {
    std::vector<bool> is_merged(units.size(), false);
    for (size_t i : merged) is_merged[i] = true;
    for (size_t i = 1; i < units.size(); ++i) {
        if (!is_merged[i]) continue;
        size_t target = i - 1;
        while (target > 0 && is_merged[target]) --target;
        Unit& into = units[target];
        into.text += "\n" + units[i].text;
        into.page_last = std::max(into.page_last, units[i].page_last);
        markers[target].insert(markers[target].end(), markers[i].begin(), markers[i].end());
    }
    std::vector<Unit> kept;
    std::vector<std::vector<std::string>> kept_markers;
    for (size_t i = 0; i < units.size(); ++i) {
        if (is_merged[i]) continue;
        kept.push_back(std::move(units[i]));
        kept_markers.push_back(std::move(markers[i]));
    }
    units = std::move(kept);
    markers = std::move(kept_markers);
}

}  // namespace verbatim::blocks
