#include "indexer/structure/block_classify.h"

#include <cctype>

#include "indexer/structure/block_kinds.h"
#include "indexer/structure/unit_openings.h"
#include "vocabulary/text.h"

namespace verbatim::blocks {

using vocabulary::char_count;
using vocabulary::ends_sentence;
using vocabulary::is_lower_start;
using vocabulary::is_upper_start;

namespace {

BlockClass classified(BlockKind kind, std::string_view text) {
    BlockClass c;
    c.kind = kind;
    c.text = text;
    return c;
}

// A block of a page's footnote area: "12 Text", "* Not edited.", "a Provisional." open a
// footnote; anything else is more of the one before.
BlockClass footnote_line(const Block& block, const Context& context) {
    std::string_view s = block.text;
    size_t digits = 0;
    while (digits < s.size() && digits < 4 && std::isdigit(static_cast<unsigned char>(s[digits]))) ++digits;
    if (digits == 0 && s.size() > 2 && s[1] == ' ' && (s[0] == '*' || (s[0] >= 'a' && s[0] <= 'z'))) digits = 1;
    if (digits > 0 && digits < s.size() && s[digits] == ' ') {
        BlockClass c = classified(BlockKind::footnote, s.substr(digits + 1));
        c.number = std::string(s.substr(0, digits));
        return c;
    }
    if (context.last_footnote < 0) return classified(BlockKind::footnote_stray, s);
    BlockClass c = classified(BlockKind::footnote_more, s);
    c.same_sentence = true;
    return c;
}

// A table of contents: its heading, its entries, and inside it a title whose leader is on
// the next line, a group label ("Annexes"), the column heads ("Paragraphs Page").
bool is_contents_line(std::string_view s, const Context& context, bool& starts_contents) {
    const bool heading = is_contents_heading(s);
    const bool entry = is_contents_entry(s);
    const bool inside = !heading && !entry && context.in_contents && char_count(s) < 160 && context.next &&
                        is_contents_entry(context.next->text);
    starts_contents = !context.in_contents || heading;
    return heading || entry || inside;
}

// "12.", "5.1": a numbered paragraph, a decimal item, or a numbered sub-heading.
BlockClass numbered_block(const Block& block, std::string_view s, const std::string& number, std::string_view rest,
                          const Context& context) {
    const Unit* current = context.current >= 0 ? &context.units[static_cast<size_t>(context.current)] : nullptr;
    // "1. Cross-cutting issues" under a heading, out of the paragraph sequence and not a
    // sentence: a numbered sub-heading; so is "1.1 Scope".
    const bool heading_like = char_count(block.text) < 150 && !ends_sentence(block.text);
    BlockClass c = classified(BlockKind::paragraph, rest);
    c.number = number;
    std::string whole, item;
    if (split_decimal_number(number, whole, item)) {
        c.parent = decimal_parent(context.units, whole);
        if (c.parent >= 0) {
            c.kind = BlockKind::decimal_item;
        } else if (heading_like) {
            c.kind = BlockKind::numbered_subheading;
            c.text = s;
            c.level = 3;
        } else {
            c.kind = BlockKind::decimal_paragraph;
        }
        return c;
    }
    const int n = small_number(number);
    const bool seen = context.numbered_region && n <= context.last_paragraph;  // out of the sequence
    if (heading_like && (block.emphasised || (seen && (!current || current->kind == UnitKind::heading)))) {
        c.kind = BlockKind::numbered_subheading;
        c.text = s;
        c.level = 3;
    } else if (seen && current && current->kind != UnitKind::heading) {
        c.kind = BlockKind::quoted_list;
        c.text = s;
    }
    return c;
}

// Emphasised short lines are headings ("Agenda item 2", "General draft recommendations"),
// unless they are emphasis inside running text: the sentence before them is cut off
// mid-way, or the next block carries on in lower case.
bool is_emphasised_heading(const Block& block, std::string_view s, const Unit* current, const Context& context) {
    const bool inside_sentence = current && current->kind != UnitKind::heading && ends_mid_sentence(current->text);
    const bool next_continues = context.next && context.next->role == LineRole::body &&
                                is_lower_start(strip_bullet(context.next->text));
    return block.emphasised && char_count(block.text) < 200 && !is_lower_start(s) && !inside_sentence &&
           !next_continues && !block.text.empty() && block.text.back() != ',';
}

// Running text: a continuation of the current unit (or of the last footnote, across a
// page), a paragraph whose number was lost, or a unit of its own.
BlockClass running_text(const Block& block, std::string_view s, bool had_bullet, const Unit* current,
                        const Context& context) {
    const bool continues_sentence = is_lower_start(s);
    const bool after_footnote = context.previous && context.previous->role == LineRole::footnote;
    const bool before_footnote = context.next && context.next->role == LineRole::footnote;
    if (context.last_footnote >= 0 && continues_sentence && before_footnote && !after_footnote &&
        !ends_sentence(context.units[static_cast<size_t>(context.last_footnote)].text))
        return classified(BlockKind::footnote_carried, block.text);
    if (current && current->kind != UnitKind::heading &&
        (continues_sentence || !ends_sentence(current->text) || after_footnote)) {
        BlockClass c = classified(BlockKind::continuation, block.text);
        c.same_sentence = continues_sentence || !ends_sentence(current->text);
        return c;
    }
    if (current && current->kind == UnitKind::recommendation)  // more text of the recommendation
        return classified(BlockKind::continuation, block.text);
    if (context.numbered_region && current && current->kind != UnitKind::heading && !context.embedded_list)
        return classified(BlockKind::candidate, s);  // "- Mr. Sturland ...": its number lost in conversion
    if (context.numbered_region && context.embedded_list && current)
        return classified(BlockKind::continuation, s);
    return classified(BlockKind::text, had_bullet ? s : std::string_view(block.text));
}

}  // namespace

std::string part_heading(const Block& block, std::string_view s) {
    if (char_count(s) > 200 || (!block.emphasised && ends_sentence(block.text))) return "";
    return part_name(s);
}

int decimal_parent(std::span<const Unit> units, const std::string& whole) {
    for (size_t k = units.size(); k-- > 0;) {
        const Unit& u = units[k];
        if (u.kind == UnitKind::heading) break;
        if (u.kind == UnitKind::paragraph && u.number == whole) return static_cast<int>(k);
    }
    return -1;
}

BlockClass classify_block(const Block& block, const Context& context) {
    if (block.role == LineRole::footnote) return footnote_line(block, context);
    if (block.role == LineRole::table) return classified(BlockKind::table_rows, block.text);

    bool had_bullet = false;
    const std::string_view s = strip_bullet(block.text, &had_bullet);
    const Unit* current = context.current >= 0 ? &context.units[static_cast<size_t>(context.current)] : nullptr;
    std::string number, label;
    std::string_view rest;

    if (bool starts = false; is_contents_line(s, context, starts)) {
        BlockClass c = classified(BlockKind::contents, block.text);
        c.new_contents = starts;
        return c;
    }
    if (std::string part = part_heading(block, s); !part.empty()) {
        BlockClass c = classified(BlockKind::part_heading, s);
        c.name = std::move(part);
        return c;
    }
    if (is_chapeau(s) && !context.in_preamble) return classified(BlockKind::chapeau, s);
    // A resolution's preamble: each clause ("Recalling ...,") is a unit of its own; it ends
    // at a numbered paragraph or heading, or a block that is not a clause: an unnumbered
    // operative paragraph ("Decides to ...") ends with a full stop.
    if (context.in_preamble && !match_paragraph(s, number, rest) && match_numbered_heading(s, number) == 0) {
        if (current && current->kind == UnitKind::preambular && (is_lower_start(s) || !ends_clause(current->text)))
            return classified(BlockKind::preambular_more, block.text);
        if (is_upper_start(s) && !(ends_sentence(block.text) && !ends_clause(block.text)))
            return classified(BlockKind::preambular, block.text);
    }
    if (std::string kind = caption_kind(s, number); !kind.empty() && char_count(s) < 250) {
        BlockClass c = classified(BlockKind::caption, block.text);
        c.name = std::move(kind);
        c.number = number;
        return c;
    }
    // What follows a caption is its figure's labels or its table's notes, unless it resumes
    // the paragraph the table or figure cut, or opens a unit.
    const bool resumes = current && current->kind != UnitKind::heading && is_lower_start(s) &&
                         !ends_sentence(current->text);
    if (context.after_caption && !resumes && !starts_unit(s) &&
        (char_count(s) < 200 || !ends_sentence(block.text)))
        return classified(BlockKind::caption_text, block.text);

    if (const int level = match_numbered_heading(s, number); level > 0) {
        BlockClass c = classified(BlockKind::numbered_heading, s);
        c.number = number;
        c.level = level;
        return c;
    }
    bool draft = false;
    if (std::string_view note; match_recommendation(s, draft, number, note)) {
        BlockClass c = classified(BlockKind::recommendation, note);
        c.number = number;
        c.draft = draft;
        return c;
    }
    if (match_paragraph(s, number, rest)) return numbered_block(block, s, number, rest, context);
    if (match_item(s, label, rest)) {
        if (context.embedded_list && current) return classified(BlockKind::continuation, s);
        BlockClass c = classified(BlockKind::item, rest);
        c.number = label;
        return c;
    }
    if (is_emphasised_heading(block, s, current, context)) {
        BlockClass c = classified(BlockKind::emphasised_heading, s);
        c.level = iequals_prefix(s, "agenda item ") || iequals_prefix(s, "item ") ? 2 : 4;  // "Agenda item 2" groups
        return c;
    }
    if (is_signature(s)) return classified(BlockKind::signature, block.text);
    return running_text(block, s, had_bullet, current, context);
}

}  // namespace verbatim::blocks
