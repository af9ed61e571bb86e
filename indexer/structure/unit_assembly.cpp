#include "indexer/structure/unit_assembly.h"

#include <algorithm>
#include <cctype>

#include "indexer/structure/block_kinds.h"

namespace verbatim::blocks {

Context Assembly::context(const Block* previous, const Block* next) const {
    Context c;
    c.units = units;
    c.current = current;
    c.last_footnote = last_footnote;
    c.in_contents = contents >= 0;
    c.in_preamble = in_preamble;
    c.after_caption = caption >= 0;
    c.numbered_region = numbered_region;
    c.embedded_list = embedded_list;
    c.last_paragraph = last_paragraph;
    c.previous = previous;
    c.next = next;
    return c;
}

std::vector<std::string> Assembly::heading_path() const {
    std::vector<std::string> path;
    for (const auto& h : headings) path.push_back(h.second);
    return path;
}

const Unit* Assembly::current_unit() const { return current >= 0 ? &units[static_cast<size_t>(current)] : nullptr; }

Unit Assembly::next_text_unit() {
    Unit unit;
    unit.kind = UnitKind::text;
    unit.number = std::to_string(++text_count);
    unit.label = "[" + unit.number + "]";
    unit.ref = "para. " + unit.label;
    unit.anchor = "text-" + unit.number;
    return unit;
}

std::string Assembly::unique_anchor(std::string anchor) {
    int n = ++anchor_uses[anchor];
    return n == 1 ? anchor : anchor + "-" + std::to_string(n);
}

void Assembly::place_in_part(Unit& unit) const {
    if (part.empty() || unit.kind == UnitKind::heading) return;
    unit.part = part;
    unit.ref = part + ", " + (unit.ref.empty() ? unit.label : unit.ref);
    unit.anchor = part_slug(part) + "-" + unit.anchor;
}

int Assembly::add(Unit unit, const Block& block, std::string_view text, bool named_part) {
    if (!named_part) place_in_part(unit);
    unit.heading_path = heading_path();
    unit.text = std::string(text);
    unit.page_first = block.page_first;
    unit.page_last = block.page_last;
    unit.seq = static_cast<int>(units.size());
    unit.anchor = unique_anchor(unit.anchor);
    units.push_back(std::move(unit));
    unit_markers.push_back(block.markers);
    return static_cast<int>(units.size()) - 1;
}

void Assembly::append(int index, const Block& block, std::string_view text, bool same_sentence) {
    Unit& unit = units[static_cast<size_t>(index)];
    if (!unit.text.empty() && !text.empty()) unit.text += same_sentence ? " " : "\n";
    unit.text += text;
    if (block.page_last > 0) unit.page_last = std::max(unit.page_last, block.page_last);
    if (unit.page_first == 0) unit.page_first = block.page_first;
    auto& markers = unit_markers[static_cast<size_t>(index)];
    markers.insert(markers.end(), block.markers.begin(), block.markers.end());
}

void Assembly::push_heading(int level, const std::string& text, const std::string& numbering, const Block& block) {
    while (!headings.empty() && headings.back().first >= level) {
        headings.pop_back();
        heading_refs.pop_back();
    }
    Unit unit;
    unit.kind = UnitKind::heading;
    unit.number = numbering;
    unit.label = text;
    // Anchors come from the heading's number, else its words, so they are the same
    // whichever file (text or PDF) the document was read from.
    const std::string key = numbering.empty() ? slug_words(text) : numbering;
    std::string anchor = "sec";
    for (const auto& ref : heading_refs) anchor += "-" + ref;
    anchor += "-" + key;
    unit.anchor = anchor;
    unit.ref = level == 1 && !numbering.empty()   ? "chap. " + numbering
               : level == 2 && !numbering.empty() ? "sect. " + numbering
                                                  : text;
    if (level == 2 && !heading_refs.empty() && headings.front().first == 1)
        unit.ref = "chap. " + heading_refs.front() + ", " + unit.ref;
    embedded_list = false;
    unit.page_first = block.page_first;
    unit.page_last = block.page_last;
    units.push_back(unit);
    units.back().heading_path = heading_path();
    units.back().seq = static_cast<int>(units.size()) - 1;
    units.back().anchor = unique_anchor(units.back().anchor);
    unit_markers.emplace_back();
    headings.emplace_back(level, text);
    heading_refs.push_back(key);
    current = static_cast<int>(units.size()) - 1;
}

Unit make_paragraph(const std::string& number, bool inferred) {
    Unit unit;
    unit.kind = UnitKind::paragraph;
    unit.number = number;
    unit.label = number;
    unit.ref = "para. " + number;
    unit.anchor = "para-" + number;
    unit.number_inferred = inferred;
    return unit;
}

std::string slug_words(const std::string& text) {
    std::string out;
    int words = 0;
    bool in_word = false;
    for (unsigned char c : text) {
        if (std::isalnum(c)) {
            if (!in_word && !out.empty()) out += '-';
            if (!in_word && ++words > 5) break;
            out += static_cast<char>(std::tolower(c));
            in_word = true;
        } else {
            in_word = false;
        }
    }
    return out.empty() ? "heading" : out;
}

}  // namespace verbatim::blocks
