#include "indexer/structure/unit_assemblers.h"

#include <algorithm>
#include <cctype>

#include "indexer/structure/number_inference.h"
#include "indexer/structure/unit_openings.h"
#include "vocabulary/text.h"

namespace verbatim::blocks {

using vocabulary::char_count;

namespace {

// The paragraph or recommendation that an item belongs to: the last one before the
// current unit, unless a heading comes first.
int item_parent(const Assembly& a) {
    for (int i = a.current; i >= 0; --i) {
        UnitKind k = a.units[static_cast<size_t>(i)].kind;
        if (k == UnitKind::paragraph || k == UnitKind::recommendation) return i;
        if (k == UnitKind::heading) return -1;
    }
    return -1;
}

// Is "(i)" a roman sub-item of the last lettered item, or the letter after "(h)"?
bool is_roman_subitem(const std::string& label, const std::vector<Unit>& units, int parent) {
    if (!vocabulary::is_lower_roman_numeral(label)) return false;
    const std::string& parent_anchor = units[static_cast<size_t>(parent)].anchor;
    const Unit* last_item = nullptr;
    const Unit* last_letter = nullptr;
    for (int i = static_cast<int>(units.size()) - 1; i > parent; --i) {
        const Unit& u = units[static_cast<size_t>(i)];
        if (u.kind != UnitKind::item) continue;
        if (!last_item) last_item = &u;
        if (u.parent == parent_anchor) {
            last_letter = &u;
            break;
        }
    }
    if (!last_letter) return false;  // a roman list directly under its paragraph
    bool next_letter = label.size() == 1 && last_letter->number.size() == 1 &&
                       last_letter->number[0] + 1 == label[0];
    return !(next_letter && last_item == last_letter);
}

// The first row of a table's text (after its caption line, if any).
std::string_view header_row(std::string_view table) {
    size_t start = 0;
    while (start < table.size()) {
        size_t end = table.find('\n', start);
        if (end == std::string_view::npos) end = table.size();
        std::string_view row = table.substr(start, end - start);
        if (row.find(kCellSeparator) != std::string_view::npos) return row;
        start = end + 1;
    }
    return {};
}

}  // namespace

void assemble(Assembly& a, const BlockClass& c, const Block& block) {
    end_runs(a, c.kind);
    switch (c.kind) {
        case BlockKind::footnote: add_footnote(a, block, c.number, c.text); return;
        case BlockKind::footnote_more:
        case BlockKind::footnote_carried: a.append(a.last_footnote, block, c.text, true); return;
        case BlockKind::footnote_stray: return;
        case BlockKind::table_rows: add_table_rows(a, block); return;
        case BlockKind::contents: add_contents(a, block, c.new_contents); return;
        case BlockKind::part_heading:
            close_candidates(a, 0);
            open_part(a, block, c.name, c.text);
            return;
        case BlockKind::chapeau:
            close_candidates(a, 0);
            open_preamble(a, block, c.text);
            return;
        case BlockKind::preambular: add_preambular(a, block); return;
        case BlockKind::preambular_more: a.append(a.current, block, c.text, true); return;
        case BlockKind::caption: add_caption(a, block, c.name, c.number); return;
        case BlockKind::caption_text: a.append(a.caption, block, c.text, false); return;
        case BlockKind::numbered_heading: a.push_heading(c.level, std::string(c.text), c.number, block); return;
        case BlockKind::recommendation: add_recommendation(a, block, c); return;
        case BlockKind::decimal_item: add_decimal_item(a, block, c); return;
        case BlockKind::numbered_subheading:
        case BlockKind::emphasised_heading:
            close_candidates(a, 0);
            a.push_heading(c.level, std::string(c.text), c.number, block);
            return;
        case BlockKind::decimal_paragraph: a.current = a.add(make_paragraph(c.number, false), block, c.text); return;
        case BlockKind::paragraph: add_paragraph(a, block, c); return;
        case BlockKind::quoted_list:
            a.embedded_list = true;
            a.append(a.current, block, c.text, false);
            return;
        case BlockKind::item: add_item(a, block, c.number, c.text); return;
        case BlockKind::signature: add_signature(a, block); return;
        case BlockKind::continuation: a.append(a.current, block, c.text, c.same_sentence); return;
        case BlockKind::candidate: add_candidate(a, block, c.text); return;
        case BlockKind::text: a.current = a.add(a.next_text_unit(), block, c.text); return;
    }
}

void end_runs(Assembly& a, BlockKind kind) {
    switch (kind) {
        case BlockKind::footnote:
        case BlockKind::footnote_more:
        case BlockKind::footnote_stray:
        case BlockKind::table_rows:
        case BlockKind::contents: return;
        case BlockKind::part_heading:
        case BlockKind::chapeau:
        case BlockKind::preambular:
        case BlockKind::preambular_more: a.contents = -1; return;
        case BlockKind::caption:
        case BlockKind::caption_text:
            a.contents = -1;
            a.in_preamble = false;
            return;
        default:
            a.contents = -1;
            a.in_preamble = false;
            a.caption = -1;
            return;
    }
}

void add_footnote(Assembly& a, const Block& block, const std::string& number, std::string_view text) {
    Unit note;
    note.kind = UnitKind::footnote;
    note.number = number;
    note.label = "footnote " + note.number;
    note.ref = note.label;
    note.anchor = note.number == "*" ? "fn-star" : "fn-" + note.number;
    a.last_footnote = a.add(note, block, text);
}

void add_table_rows(Assembly& a, const Block& block) {
    if (a.caption >= 0 && a.units[static_cast<size_t>(a.caption)].kind == UnitKind::table) {
        const Unit& table = a.units[static_cast<size_t>(a.caption)];
        std::string_view rows = block.text;
        const std::string_view header = header_row(table.text);
        if (!header.empty() && block.page_first > table.page_last && rows.substr(0, header.size()) == header &&
            (rows.size() == header.size() || rows[header.size()] == '\n'))
            rows.remove_prefix(std::min(rows.size(), header.size() + 1));
        const std::string kept(rows);
        a.append(a.caption, block, kept, false);
        return;
    }
    Unit unit;
    unit.kind = UnitKind::table;
    const std::string n = std::to_string(++a.table_count);
    unit.label = "Table [" + n + "]";  // no caption: counted, in brackets like unnumbered text
    unit.ref = "table [" + n + "]";
    unit.anchor = "tbl-" + n;
    a.caption = a.add(unit, block, block.text);
}

void add_contents(Assembly& a, const Block& block, bool new_contents) {
    if (new_contents) {
        a.contents = a.add(a.next_text_unit(), block, block.text);
    } else {
        a.append(a.contents, block, block.text, false);
    }
    a.current = -1;  // what follows the contents never continues them
    a.caption = -1;
}

void open_part(Assembly& a, const Block& block, const std::string& part, std::string_view heading) {
    a.push_heading(1, std::string(heading), "", block);
    a.part = part;
    a.numbered_region = false;  // its numbering may start again at 1
    a.last_paragraph = 0;
    a.embedded_list = false;
    a.in_preamble = false;
    a.caption = -1;
}

void open_preamble(Assembly& a, const Block& block, std::string_view heading) {
    a.push_heading(4, std::string(heading), "", block);
    a.in_preamble = true;
    a.preambular_count = 0;
    a.caption = -1;
}

void add_preambular(Assembly& a, const Block& block) {
    Unit unit;
    unit.kind = UnitKind::preambular;
    unit.number = std::to_string(++a.preambular_count);
    unit.label = "preambular " + unit.number;
    unit.ref = "preambular para. " + unit.number;
    unit.anchor = "pp-" + unit.number;
    a.current = a.add(unit, block, block.text);
}

void add_caption(Assembly& a, const Block& block, const std::string& kind, const std::string& number) {
    Unit unit;
    unit.kind = kind == "table" ? UnitKind::table : UnitKind::text;
    std::string word = kind;
    word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
    unit.number = number;
    unit.label = word + " " + number;
    unit.ref = kind + " " + number;
    std::string key;
    for (unsigned char ch : number) key += static_cast<char>(std::isalnum(ch) ? std::tolower(ch) : '-');
    unit.anchor = kind + "-" + key;
    a.caption = a.add(unit, block, block.text);
}

void add_recommendation(Assembly& a, const Block& block, const BlockClass& c) {
    Unit unit;
    unit.kind = UnitKind::recommendation;
    unit.draft = c.draft;
    unit.number = c.number;
    unit.label = (c.draft ? "Draft recommendation " : "Recommendation ") + c.number;
    unit.ref = (c.draft ? "draft recommendation " : "recommendation ") + c.number;
    unit.anchor = "rec-" + c.number;
    a.current = a.add(unit, block, c.text);
    a.embedded_list = false;
}

void add_decimal_item(Assembly& a, const Block& block, const BlockClass& c) {
    Unit unit = make_paragraph(c.number, false);
    unit.parent = a.units[static_cast<size_t>(c.parent)].anchor;
    a.current = a.add(unit, block, c.text);
}

void add_paragraph(Assembly& a, const Block& block, const BlockClass& c) {
    const int n = small_number(c.number);
    close_candidates(a, n);
    if (a.numbered_region && n == 1 && a.last_paragraph > 1) restart_numbering(a);
    a.numbered_region = true;
    a.last_paragraph = n;
    a.embedded_list = false;
    a.current = a.add(make_paragraph(c.number, false), block, c.text);
}

void restart_numbering(Assembly& a) {
    ++a.restarts;
    std::string name;
    for (size_t k = a.units.size(); k-- > 0;) {
        const Unit& u = a.units[k];
        if (u.kind == UnitKind::paragraph) break;
        if (u.kind == UnitKind::heading) {
            if (char_count(u.ref) <= 40) name = u.ref;
            break;
        }
    }
    a.part = name.empty() ? "part " + std::to_string(a.restarts + 1) : name;
}

void add_item(Assembly& a, const Block& block, const std::string& label, std::string_view text) {
    int parent = item_parent(a);
    if (parent < 0) {  // an item with nothing to belong to is plain text
        a.current = a.add(a.next_text_unit(), block, block.text);
        return;
    }
    const Unit& p = a.units[static_cast<size_t>(parent)];
    Unit unit;
    unit.kind = UnitKind::item;
    unit.number = label;
    unit.draft = p.draft;
    // Roman sub-items belong to the last lettered item of the same parent.
    const Unit* letter_parent = nullptr;
    if (is_roman_subitem(label, a.units, parent)) {
        for (int i = static_cast<int>(a.units.size()) - 1; i > parent; --i) {
            const Unit& u = a.units[static_cast<size_t>(i)];
            if (u.kind == UnitKind::item && u.parent == p.anchor && !vocabulary::is_lower_roman_numeral(u.number)) {
                letter_parent = &u;
                break;
            }
        }
    }
    const Unit& owner = letter_parent ? *letter_parent : p;
    unit.parent = owner.anchor;
    unit.label = owner.label + " (" + label + ")";  // "12 (a)", "Recommendation 13 (a) (ii)"
    // The owner's citation already names its part ("annex, para. 3"); so does its anchor.
    unit.ref = owner.ref + " (" + label + ")";
    unit.anchor = owner.anchor + "-" + label;
    unit.part = owner.part;
    a.current = a.add(unit, block, text, /*named_part=*/true);
}

void add_signature(Assembly& a, const Block& block) {
    a.current = a.add(a.next_text_unit(), block, block.text);
    a.numbered_region = false;
}

void add_candidate(Assembly& a, const Block& block, std::string_view text) {
    Unit unit;
    unit.kind = UnitKind::text;
    unit.anchor = "candidate";
    a.current = a.add(unit, block, text);
    a.candidates.push_back(a.current);
}

}  // namespace verbatim::blocks
