#include "indexer/structure/units.h"

#include "indexer/structure/block_kinds.h"
#include "model/parse_number.h"
#include "vocabulary/text.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string_view>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace verbatim {

namespace {

// ---------------------------------------------------------------------------
// Blocks: runs of lines that belong together on the page.

struct Block {
    std::string text;                  // lines joined by spaces, footnote markers removed
    std::vector<std::string> markers;  // footnote markers found in the block
    LineRole role = LineRole::body;
    bool emphasised = true;
    int page_first = 0, page_last = 0;
};

using vocabulary::char_count;
using vocabulary::ends_sentence;
using vocabulary::first_code_point;
using vocabulary::is_lower_start;
using vocabulary::is_upper_start;

std::string_view strip_bullet(std::string_view s, bool* had_bullet = nullptr) {
    bool bullet = false;
    for (std::string_view b : {"- ", "\xE2\x80\x93 ", "\xE2\x80\xA2 "}) {  // -, en dash, bullet
        if (s.substr(0, b.size()) == b) {
            s.remove_prefix(b.size());
            bullet = true;
            break;
        }
    }
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    if (had_bullet) *had_bullet = bullet;
    return s;
}

// "12. text" -> number "12"; "12.Text" (the gap was positioned, not a space) too;
// "115.37 text" -> "115.37" (item 37 of paragraph 115, as recommendation lists print it).
bool match_paragraph(std::string_view s, std::string& number, std::string_view& rest) {
    auto digits_at = [&](size_t from) {
        size_t i = from;
        while (i < s.size() && i - from < 4 && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
        return i - from;
    };
    const size_t i = digits_at(0);
    if (i == 0 || i > 3 || i + 2 > s.size() || s[i] != '.' || s[0] == '0') return false;
    size_t number_end = i, end = i + 1;  // "12" and what follows "12."
    if (const size_t d = digits_at(i + 1); d > 0) {
        if (d > 3 || i + 1 + d >= s.size() || s[i + 1 + d] != ' ') return false;
        number_end = end = i + 1 + d;  // "115.37"
    }
    number = std::string(s.substr(0, number_end));
    rest = s.substr(end);
    const bool spaced = !rest.empty() && rest.front() == ' ';
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.empty()) return false;
    // Without a space the next letter must open a sentence: "12.The", not "1.5million".
    return spaced || is_upper_start(rest);
}

// "(b) text" -> label "b"
bool match_item(std::string_view s, std::string& label, std::string_view& rest) {
    if (s.size() < 4 || s[0] != '(') return false;
    size_t close = s.find(')');
    if (close == std::string_view::npos || close < 2 || close > 7) return false;
    std::string_view inner = s.substr(1, close - 1);
    bool letters = inner.size() <= 2 && std::all_of(inner.begin(), inner.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!letters && !vocabulary::is_lower_roman_numeral(inner)) return false;
    if (close + 1 >= s.size() || s[close + 1] != ' ') return false;
    label = std::string(inner);
    rest = s.substr(close + 2);
    return !rest.empty();
}

// "III. Title" (roman) or "A. Title" (letter) -> level 1 or 2
int match_numbered_heading(std::string_view s, std::string& numbering) {
    if (char_count(s) > 220) return 0;
    size_t dot = s.find(". ");
    if (dot == std::string_view::npos || dot == 0 || dot > 6) return 0;
    std::string_view head = s.substr(0, dot);
    std::string_view title = s.substr(dot + 2);
    if (!is_upper_start(title)) return 0;
    if (vocabulary::is_roman_numeral(head)) {
        numbering = std::string(head);
        return 1;
    }
    // A single capital letter of any script: Latin "A.", Cyrillic "С." in Russian editions;
    // short, and not a sentence ("M. Draganov succède à ..." is Monsieur Draganov).
    UChar32 letter = first_code_point(head);
    if (letter >= 0 && static_cast<size_t>(U8_LENGTH(letter)) == head.size() && u_isupper(letter) &&
        char_count(s) < 160 && !ends_sentence(s)) {
        numbering = std::string(head);
        return 2;
    }
    return 0;
}

bool iequals_prefix(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    return true;
}

// "Recommendation 3", "Draft recommendation 11bis [Proposed by Spain]"
bool match_recommendation(std::string_view s, bool& draft, std::string& number, std::string& note) {
    if (s.size() > 160) return false;
    draft = iequals_prefix(s, "draft ");
    if (draft) s.remove_prefix(6);
    if (!iequals_prefix(s, "recommendation ")) return false;
    s.remove_prefix(15);
    size_t i = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == 0 || i > 3) return false;
    size_t j = i;
    while (j < s.size() && s[j] >= 'a' && s[j] <= 'z') ++j;
    std::string_view suffix = s.substr(i, j - i);
    static const std::set<std::string_view> kSuffixes{"", "bis", "ter", "quater", "quinquies", "sexies"};
    if (!kSuffixes.count(suffix)) return false;
    number = std::string(s.substr(0, j));
    std::string_view rest = s.substr(j);
    if (!rest.empty() && rest.front() == '.') rest.remove_prefix(1);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (!rest.empty() && rest.front() != '[' && rest.front() != '(') return false;
    note = std::string(rest);
    return true;
}

// Removes footnote marker sentinels from `text`, collecting their labels.
std::string take_markers(std::string_view text, std::vector<std::string>& markers) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        if (text.compare(i, 3, kFootnoteMarkOpen) == 0) {
            size_t close = text.find(kFootnoteMarkClose, i + 3);
            if (close == std::string_view::npos) close = text.size();
            markers.emplace_back(text.substr(i + 3, close - i - 3));
            i = std::min(text.size(), close + 3);
            continue;
        }
        out += text[i++];
    }
    return out;
}

bool starts_unit(std::string_view text) {
    std::string_view s = strip_bullet(text);
    std::string number, label, note;
    std::string_view rest;
    bool draft = false;
    return match_paragraph(s, number, rest) || match_item(s, label, rest) ||
           match_numbered_heading(s, number) > 0 || match_recommendation(s, draft, number, note);
}

// True when text stops in the middle of a sentence: after a word, a comma or a hyphen.
bool ends_mid_sentence(const std::string& text) {
    if (text.empty()) return false;
    unsigned char c = static_cast<unsigned char>(text.back());
    return c == ',' || c == '-' || std::isalnum(c) || c >= 0x80;
}

std::vector<Block> make_blocks(const std::vector<SourceLine>& lines) {
    std::vector<Block> blocks;
    for (const SourceLine& line : lines) {
        std::vector<std::string> markers;
        std::string text = take_markers(line.text, markers);
        if (text.empty() && markers.empty()) continue;
        bool split = blocks.empty() || line.starts_block || blocks.back().role != line.role ||
                     // a table's rows on the next page: its header row may be printed again
                     (line.role == LineRole::table && line.page != blocks.back().page_last);
        // A list line ("- (a) ...", "12. ...") starts its own block when the text before
        // it came to a stop; mid-sentence line breaks never split a paragraph.
        if (!split && !blocks.back().text.empty() &&
            ((text.front() == '-' && starts_unit(text)) ||
             ((ends_sentence(blocks.back().text) || blocks.back().text.back() == ':') &&
              (starts_unit(text) || text.front() == '-'))))
            split = true;
        if (split) {
            Block b;
            b.role = line.role;
            b.page_first = b.page_last = line.page;
            b.emphasised = line.emphasised;
            b.text = std::move(text);
            b.markers = std::move(markers);
            blocks.push_back(std::move(b));
            continue;
        }
        Block& b = blocks.back();
        // A table keeps its rows apart: one line of the unit per row.
        if (!b.text.empty() && !text.empty()) b.text += line.role == LineRole::table ? '\n' : ' ';
        b.text += text;
        b.markers.insert(b.markers.end(), markers.begin(), markers.end());
        b.emphasised = b.emphasised && line.emphasised;
        if (line.page > 0) b.page_last = line.page;
        if (b.page_first == 0) b.page_first = line.page;
    }
    return blocks;
}

// ---------------------------------------------------------------------------
// Units

// "General draft recommendations" -> "general-draft-recommendations" (ASCII letters
// and digits, at most five words).
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

struct Builder {
    std::vector<Unit> units;
    std::vector<std::pair<int, std::string>> headings;  // (level, text) stack
    std::vector<std::string> heading_refs;               // "chap. III", parallel to headings
    int current = -1;        // index of the body unit that text continues
    int last_footnote = -1;
    int last_paragraph = 0;  // last paragraph number seen (numbered or inferred)
    bool numbered_region = false;
    bool embedded_list = false;  // the current paragraph quotes a numbered list (an agenda)
    int text_count = 0;
    int table_count = 0;
    bool numbers_in_text = false;  // a PDF: no number is restored from the sequence
    // Parts whose numbering restarts (annexes, draft resolutions): the part a heading
    // opened, and the part the units being built belong to.
    std::string opened_part;
    std::string part;
    int restarts = 0;
    // A resolution's preamble: after its chapeau, before its first operative paragraph.
    bool in_preamble = false;
    int preambular_count = 0;
    int contents = -1;  // the unit holding the table of contents being read, else -1
    int caption = -1;   // the table or figure whose rows, labels and notes follow, else -1
    std::map<std::string, int> anchor_uses;
    std::vector<std::vector<std::string>> unit_markers;  // parallel to units

    std::vector<std::string> heading_path() const {
        std::vector<std::string> path;
        for (const auto& h : headings) path.push_back(h.second);
        return path;
    }

    // An unnumbered paragraph, counted in brackets: "[3]", cited "para. [3]".
    Unit next_text_unit() {
        Unit unit;
        unit.kind = UnitKind::text;
        unit.number = std::to_string(++text_count);
        unit.label = "[" + unit.number + "]";
        unit.ref = "para. " + unit.label;
        unit.anchor = "text-" + unit.number;
        return unit;
    }

    std::string unique_anchor(std::string anchor) {
        int n = ++anchor_uses[anchor];
        return n == 1 ? anchor : anchor + "-" + std::to_string(n);
    }

    // A unit of a restarting part is cited and anchored with the part's name first:
    // "annex I, para. 3", "annex-i-para-3".
    void place_in_part(Unit& unit) const {
        if (part.empty() || unit.kind == UnitKind::heading) return;
        unit.part = part;
        unit.ref = part + ", " + (unit.ref.empty() ? unit.label : unit.ref);
        unit.anchor = blocks::part_slug(part) + "-" + unit.anchor;
    }

    // `named_part`: the unit's citation already names its part (an item of a paragraph).
    int add(Unit unit, const Block& block, std::string_view text, bool named_part = false) {
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

    void append(int index, const Block& block, std::string_view text, bool same_sentence) {
        Unit& unit = units[static_cast<size_t>(index)];
        if (!unit.text.empty() && !text.empty()) unit.text += same_sentence ? " " : "\n";
        unit.text += text;
        if (block.page_last > 0) unit.page_last = std::max(unit.page_last, block.page_last);
        if (unit.page_first == 0) unit.page_first = block.page_first;
        auto& markers = unit_markers[static_cast<size_t>(index)];
        markers.insert(markers.end(), block.markers.begin(), block.markers.end());
    }

    void push_heading(int level, const std::string& text, const std::string& numbering, int page_first = 0,
                      int page_last = 0) {
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
        unit.page_first = page_first;
        unit.page_last = page_last;
        units.push_back(unit);
        units.back().heading_path = heading_path();
        units.back().seq = static_cast<int>(units.size()) - 1;
        units.back().anchor = unique_anchor(units.back().anchor);
        unit_markers.emplace_back();
        headings.emplace_back(level, text);
        heading_refs.push_back(key);
        current = static_cast<int>(units.size()) - 1;
    }

    const Unit* current_unit() const { return current >= 0 ? &units[static_cast<size_t>(current)] : nullptr; }

    // The paragraph or recommendation that an item belongs to.
    int item_parent() const {
        for (int i = current; i >= 0; --i) {
            UnitKind k = units[static_cast<size_t>(i)].kind;
            if (k == UnitKind::paragraph || k == UnitKind::recommendation) return i;
            if (k == UnitKind::heading) return -1;
        }
        return -1;
    }
};

std::string item_label_prefix(const Unit& parent) {
    if (parent.kind == UnitKind::paragraph) return parent.label;
    return parent.label;  // "Recommendation 13", "Draft recommendation 13"
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

void add_item(Builder& b, const Block& block, const std::string& label, std::string_view rest) {
    int parent = b.item_parent();
    if (parent < 0) {  // an item with nothing to belong to is plain text
        b.current = b.add(b.next_text_unit(), block, block.text);
        return;
    }
    const Unit& p = b.units[static_cast<size_t>(parent)];
    Unit unit;
    unit.kind = UnitKind::item;
    unit.number = label;
    unit.draft = p.draft;
    // Roman sub-items belong to the last lettered item of the same parent.
    const Unit* letter_parent = nullptr;
    if (is_roman_subitem(label, b.units, parent)) {
        for (int i = static_cast<int>(b.units.size()) - 1; i > parent; --i) {
            const Unit& u = b.units[static_cast<size_t>(i)];
            if (u.kind == UnitKind::item && u.parent == p.anchor && !vocabulary::is_lower_roman_numeral(u.number)) {
                letter_parent = &u;
                break;
            }
        }
    }
    const Unit& owner = letter_parent ? *letter_parent : p;
    unit.parent = owner.anchor;
    unit.label = owner.kind == UnitKind::item ? owner.label + " (" + label + ")"
                                              : item_label_prefix(owner) + " (" + label + ")";
    // The owner's citation already names its part ("annex, para. 3"); so does its anchor.
    unit.ref = owner.ref + " (" + label + ")";
    unit.anchor = owner.anchor + "-" + label;
    unit.part = owner.part;
    b.current = b.add(unit, block, rest, /*named_part=*/true);
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

// Numbers lost in conversion: the unnumbered candidates between paragraphs `from`
// and `to` take the missing numbers when they fit exactly; otherwise they were not
// paragraphs but part of the one before, and are merged back into it.
void resolve_candidates(Builder& b, std::vector<int>& candidates, int from, int to) {
    if (candidates.empty()) return;
    int gap = to > 0 ? to - from - 1 : static_cast<int>(candidates.size());
    int numbered = std::min<int>(gap, static_cast<int>(candidates.size()));
    // A text layer keeps its numbers: restore them only where the unnumbered blocks fill
    // the gap exactly; otherwise they are the paragraph's own continuation (a quotation,
    // a list), and no number shifts.
    // A lost number is rare there: at most two in one gap.
    if (b.numbers_in_text && (gap != static_cast<int>(candidates.size()) || gap > 2)) numbered = 0;
    for (int k = 0; k < static_cast<int>(candidates.size()); ++k) {
        Unit& unit = b.units[static_cast<size_t>(candidates[static_cast<size_t>(k)])];
        if (k < numbered) {
            std::string number = std::to_string(from + 1 + k);
            std::string old_anchor = unit.anchor;
            unit = [&] {
                Unit u = make_paragraph(number, true);
                u.heading_path = unit.heading_path;
                u.text = unit.text;
                u.page_first = unit.page_first;
                u.page_last = unit.page_last;
                u.seq = unit.seq;
                return u;
            }();
            const std::string part = b.part;
            if (!part.empty()) {  // the candidate was made in this part
                unit.part = part;
                unit.ref = part + ", " + unit.ref;
                unit.anchor = blocks::part_slug(part) + "-" + unit.anchor;
            }
            unit.anchor = b.unique_anchor(unit.anchor);
        } else {
            unit.kind = UnitKind::text;  // marked for merging below
            unit.number = "merge";
        }
    }
    candidates.clear();
}

int small_number(const std::string& digits) { return parse_number<int>(digits, 0, 999).value_or(0); }

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

// Rows of a table: they go to the table its caption opened (or that the previous page
// began), else they make a table of their own. A header row printed again at the top
// of the next page is not content.
void add_table_rows(Builder& b, const Block& block) {
    if (b.caption >= 0 && b.units[static_cast<size_t>(b.caption)].kind == UnitKind::table) {
        const Unit& table = b.units[static_cast<size_t>(b.caption)];
        std::string_view rows = block.text;
        const std::string_view header = header_row(table.text);
        if (!header.empty() && block.page_first > table.page_last && rows.substr(0, header.size()) == header &&
            (rows.size() == header.size() || rows[header.size()] == '\n'))
            rows.remove_prefix(std::min(rows.size(), header.size() + 1));
        const std::string kept(rows);
        b.append(b.caption, block, kept, false);
        return;
    }
    Unit unit;
    unit.kind = UnitKind::table;
    const std::string n = std::to_string(++b.table_count);
    unit.label = "Table [" + n + "]";  // no caption: counted, in brackets like unnumbered text
    unit.ref = "table [" + n + "]";
    unit.anchor = "tbl-" + n;
    b.caption = b.add(unit, block, block.text);
}

// "Table 3 Title": a table unit the rows below join; "Figure II Title": a unit its labels
// join. The paragraph the caption interrupts goes on after it (b.current is kept).
void add_caption(Builder& b, const Block& block, const std::string& kind, const std::string& number) {
    Unit unit;
    unit.kind = kind == "table" ? UnitKind::table : UnitKind::text;
    std::string word = kind;
    word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
    unit.number = number;
    unit.label = word + " " + number;
    unit.ref = kind + " " + number;
    std::string key;
    for (unsigned char c : number) key += static_cast<char>(std::isalnum(c) ? std::tolower(c) : '-');
    unit.anchor = kind + "-" + key;
    b.caption = b.add(unit, block, block.text);
}

// A table of contents (or of tables) is one unnumbered unit: its entries never become
// headings or paragraphs, and never take a number from the real ones.
bool take_contents(Builder& b, const std::vector<Block>& all, size_t i, std::string_view s) {
    const bool heading = blocks::is_contents_heading(s);
    const bool entry = blocks::is_contents_entry(s);
    // Inside one: a title whose leader is on the next line, a group label ("Annexes"),
    // the column heads ("Paragraphs Page").
    const bool inside = !heading && !entry && b.contents >= 0 && char_count(s) < 160 &&
                        i + 1 < all.size() && blocks::is_contents_entry(all[i + 1].text);
    if (!heading && !entry && !inside) {
        b.contents = -1;
        return false;
    }
    if (b.contents < 0 || heading) {
        b.contents = b.add(b.next_text_unit(), all[i], all[i].text);
    } else {
        b.append(b.contents, all[i], all[i].text, false);
    }
    b.current = -1;  // what follows the contents never continues them
    b.caption = -1;
    return true;
}

// "Annex II", "Draft resolution I": a heading, short, standing alone.
std::string part_heading(const Block& block, std::string_view s) {
    if (char_count(s) > 200 || (!block.emphasised && ends_sentence(block.text))) return "";
    return blocks::part_name(s);
}

void open_part(Builder& b, const std::string& part, const Block& block, std::string_view s) {
    b.push_heading(1, std::string(s), "", block.page_first, block.page_last);
    b.part = part;
    b.numbered_region = false;  // its numbering may start again at 1
    b.last_paragraph = 0;
    b.embedded_list = false;
    b.in_preamble = false;
    b.caption = -1;
}

// Numbering starts again at 1 with no part heading before it: the part is named by the
// heading above the new run ("chap. II"), else counted ("part 2").
void restart_numbering(Builder& b) {
    ++b.restarts;
    std::string name;
    for (size_t k = b.units.size(); k-- > 0;) {
        const Unit& u = b.units[k];
        if (u.kind == UnitKind::paragraph) break;
        if (u.kind == UnitKind::heading) {
            if (char_count(u.ref) <= 40) name = u.ref;
            break;
        }
    }
    b.part = name.empty() ? "part " + std::to_string(b.restarts + 1) : name;
}

// "115.37 Continue ...": item 37 of paragraph 115, cited "para. 115.37".
bool add_decimal_item(Builder& b, const Block& block, const std::string& number, const std::string& whole,
                      std::string_view rest) {
    int parent = -1;
    for (size_t k = b.units.size(); k-- > 0;) {
        const Unit& u = b.units[k];
        if (u.kind == UnitKind::heading) break;
        if (u.kind == UnitKind::paragraph && u.number == whole) {
            parent = static_cast<int>(k);
            break;
        }
    }
    if (parent < 0) return false;
    Unit unit = make_paragraph(number, false);
    unit.parent = b.units[static_cast<size_t>(parent)].anchor;
    b.current = b.add(unit, block, rest);
    return true;
}

bool ends_clause(std::string_view text) {
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    for (std::string_view end : {",", ";", "\xD8\x8C", "\xEF\xBC\x8C", "\xEF\xBC\x9B"})  // , ; ، ， ；
        if (text.size() >= end.size() && text.substr(text.size() - end.size()) == end) return true;
    return false;
}

// A resolution's preamble: each clause ("Recalling ...,") is a unit of its own, cited
// "preambular para. 3". False when the block is not one: an unnumbered operative
// paragraph ("Decides to ...") ends with a full stop.
bool add_preambular(Builder& b, const Block& block, std::string_view s) {
    const Unit* cur = b.current_unit();
    if (cur && cur->kind == UnitKind::preambular && (is_lower_start(s) || !ends_clause(cur->text))) {
        b.append(b.current, block, block.text, true);
        return true;
    }
    if (!is_upper_start(s) || (ends_sentence(block.text) && !ends_clause(block.text))) return false;
    Unit unit;
    unit.kind = UnitKind::preambular;
    unit.number = std::to_string(++b.preambular_count);
    unit.label = "preambular " + unit.number;
    unit.ref = "preambular para. " + unit.number;
    unit.anchor = "pp-" + unit.number;
    b.current = b.add(unit, block, block.text);
    return true;
}

// "(Signed) Name": a letter's signature, a unit of its own.
bool is_signature(std::string_view s) {
    for (std::string_view mark : {"(Signed)", "(Signé)", "(Firmado)", "(Подпись)"})
        if (s.substr(0, mark.size()) == mark) return true;
    return false;
}

void merge_marked(Builder& b) {
    for (size_t i = 1; i < b.units.size(); ++i) {
        if (b.units[i].kind != UnitKind::text || b.units[i].number != "merge") continue;
        size_t target = i - 1;
        while (target > 0 && b.units[target].number == "merge") --target;
        Unit& into = b.units[target];
        into.text += "\n" + b.units[i].text;
        into.page_last = std::max(into.page_last, b.units[i].page_last);
        auto& markers = b.unit_markers[target];
        markers.insert(markers.end(), b.unit_markers[i].begin(), b.unit_markers[i].end());
    }
    std::vector<Unit> kept;
    std::vector<std::vector<std::string>> kept_markers;
    for (size_t i = 0; i < b.units.size(); ++i) {
        if (b.units[i].kind == UnitKind::text && b.units[i].number == "merge") continue;
        kept.push_back(std::move(b.units[i]));
        kept_markers.push_back(std::move(b.unit_markers[i]));
    }
    b.units = std::move(kept);
    b.unit_markers = std::move(kept_markers);
}

// Links footnotes to the unit holding their marker and builds their citations.
void link_footnotes(Builder& b) {
    std::map<std::string, size_t> holder;  // footnote number -> unit index
    for (size_t i = 0; i < b.units.size(); ++i) {
        if (b.units[i].kind == UnitKind::footnote) continue;
        for (const std::string& m : b.unit_markers[i]) holder.emplace(m, i);
    }
    for (size_t i = 0; i < b.units.size(); ++i) {
        Unit& note = b.units[i];
        if (note.kind != UnitKind::footnote) continue;
        auto it = holder.find(note.number);
        if (it == holder.end()) continue;
        Unit& owner = b.units[it->second];
        note.parent = owner.anchor;
        note.heading_path = owner.heading_path;
        if (owner.kind != UnitKind::heading && owner.kind != UnitKind::text)
            note.ref = owner.ref + ", footnote " + note.number;
        owner.footnotes.push_back(note.anchor);
    }
}

}  // namespace

StructuredText build_units(const ExtractedText& extracted) {
    StructuredText out;
    std::vector<Block> blocks = make_blocks(extracted.lines);

    // Front matter: short title-page blocks before the first structural block. A title
    // page is short lines (symbol, distribution, a title of a line or three); a long
    // stretch of prose is content even when a page break cuts it mid-sentence (General
    // Debate speeches have no title page, and their text must never become the title).
    constexpr size_t kMaxTitleBlockChars = 300;
    size_t first = 0;
    for (; first < blocks.size() && first < 24; ++first) {
        const Block& blk = blocks[first];
        if (blk.role == LineRole::footnote) break;
        if (blk.role == LineRole::table || starts_unit(blk.text)) break;
        // The body begins: a resolution's chapeau or first preambular clause, contents.
        if (blocks::is_chapeau(blk.text) || blocks::is_contents_heading(blk.text) ||
            blocks::is_contents_entry(blk.text) ||
            (blocks::opens_preambular(blk.text) && ends_clause(blk.text) && char_count(blk.text) >= 40))
            break;
        const size_t chars = char_count(blk.text);
        if (chars >= kMaxTitleBlockChars) break;
        if (chars >= 100 && !blk.emphasised && (ends_sentence(blk.text) || ends_clause(blk.text))) break;
    }
    if (first == blocks.size() || first >= 24) first = 0;  // no structure found: all content
    if (extracted.no_title_page) first = 0;  // "Mr. President,": a speech opens, no title page
    for (size_t i = 0; i < first; ++i) out.front_matter.push_back(blocks[i].text);

    Builder b;
    b.numbers_in_text = extracted.numbers_in_text;
    std::vector<int> candidates;  // unnumbered blocks that may be paragraphs with lost numbers
    int last_numbered = 0;
    for (size_t i = first; i < blocks.size(); ++i) {
        const Block& block = blocks[i];
        const bool after_footnote = i > first && blocks[i - 1].role == LineRole::footnote;
        const bool before_footnote = i + 1 < blocks.size() && blocks[i + 1].role == LineRole::footnote;

        if (block.role == LineRole::footnote) {
            std::string number;
            std::string_view s = block.text;
            size_t digits = 0;
            while (digits < s.size() && digits < 4 && std::isdigit(static_cast<unsigned char>(s[digits]))) ++digits;
            // "* Not edited." and table notes "a Provisional." are footnotes too.
            if (digits == 0 && s.size() > 2 && s[1] == ' ' && (s[0] == '*' || (s[0] >= 'a' && s[0] <= 'z'))) digits = 1;
            if (digits > 0 && digits < s.size() && s[digits] == ' ') {
                Unit note;
                note.kind = UnitKind::footnote;
                note.number = std::string(s.substr(0, digits));
                note.label = "footnote " + note.number;
                note.ref = note.label;
                note.anchor = note.number == "*" ? "fn-star" : "fn-" + note.number;
                b.last_footnote = b.add(note, block, s.substr(digits + 1));
            } else if (b.last_footnote >= 0) {
                b.append(b.last_footnote, block, s, true);
            }
            continue;
        }

        if (block.role == LineRole::table) {
            add_table_rows(b, block);
            continue;
        }

        bool had_bullet = false;
        std::string_view s = strip_bullet(block.text, &had_bullet);
        std::string number, label, note;
        std::string_view rest;
        bool draft = false;

        if (take_contents(b, blocks, i, s)) continue;
        if (std::string part = part_heading(block, s); !part.empty()) {
            resolve_candidates(b, candidates, last_numbered, 0);
            open_part(b, part, block, s);
            last_numbered = 0;
            continue;
        }
        if (blocks::is_chapeau(s) && !b.in_preamble) {
            // "The General Assembly,": the heading of the preambular paragraphs below it.
            resolve_candidates(b, candidates, last_numbered, 0);
            b.push_heading(4, std::string(s), "", block.page_first, block.page_last);
            b.in_preamble = true;
            b.preambular_count = 0;
            b.caption = -1;
            continue;
        }
        if (b.in_preamble) {
            if (!match_paragraph(s, number, rest) && match_numbered_heading(s, number) == 0 &&
                add_preambular(b, block, s))
                continue;
            b.in_preamble = false;  // the first operative paragraph
        }
        if (std::string kind = blocks::caption_kind(s, number); !kind.empty() && char_count(s) < 250) {
            add_caption(b, block, kind, number);
            continue;
        }
        const Unit* interrupted = b.current_unit();  // the paragraph a table or figure cut
        const bool resumes = interrupted && interrupted->kind != UnitKind::heading && is_lower_start(s) &&
                             !ends_sentence(interrupted->text);
        if (b.caption >= 0 && !resumes && !starts_unit(s) && (char_count(s) < 200 || !ends_sentence(block.text))) {
            b.append(b.caption, block, block.text, false);  // a figure's labels, a table's notes
            continue;
        }
        b.caption = -1;

        if (int level = match_numbered_heading(s, number); level > 0) {
            b.push_heading(level, std::string(s), number, block.page_first, block.page_last);
            continue;
        }
        if (match_recommendation(s, draft, number, note)) {
            Unit unit;
            unit.kind = UnitKind::recommendation;
            unit.draft = draft;
            unit.number = number;
            unit.label = (draft ? "Draft recommendation " : "Recommendation ") + number;
            unit.ref = (draft ? "draft recommendation " : "recommendation ") + number;
            unit.anchor = "rec-" + number;
            b.current = b.add(unit, block, note);
            b.embedded_list = false;
            continue;
        }
        if (match_paragraph(s, number, rest)) {
            const Unit* cur = b.current_unit();
            // "1. Cross-cutting issues" under a heading, out of the paragraph sequence and
            // not a sentence: a numbered sub-heading; so is "1.1 Scope".
            const bool heading_like = char_count(block.text) < 150 && !ends_sentence(block.text);
            std::string whole, item;
            if (blocks::split_decimal_number(number, whole, item)) {
                if (add_decimal_item(b, block, number, whole, rest)) continue;
                if (heading_like) {
                    resolve_candidates(b, candidates, last_numbered, 0);
                    b.push_heading(3, std::string(s), number, block.page_first, block.page_last);
                    continue;
                }
                b.current = b.add(make_paragraph(number, false), block, rest);
                continue;
            }
            const int n = small_number(number);
            if (heading_like && (block.emphasised || (b.numbered_region && n <= b.last_paragraph &&
                                                      (!cur || cur->kind == UnitKind::heading)))) {
                resolve_candidates(b, candidates, last_numbered, 0);
                b.push_heading(3, std::string(s), number, block.page_first, block.page_last);
                continue;
            }
            if (b.numbered_region && n <= b.last_paragraph && cur && cur->kind != UnitKind::heading) {
                // "1. Organizational matters:" inside paragraph 29: a quoted list.
                b.embedded_list = true;
                b.append(b.current, block, s, false);
                continue;
            }
            resolve_candidates(b, candidates, last_numbered, n);
            if (b.numbered_region && n == 1 && b.last_paragraph > 1) restart_numbering(b);
            b.numbered_region = true;
            b.last_paragraph = last_numbered = n;
            b.embedded_list = false;
            b.current = b.add(make_paragraph(number, false), block, rest);
            continue;
        }
        if (match_item(s, label, rest)) {
            if (b.embedded_list && b.current >= 0) {
                b.append(b.current, block, s, false);
            } else {
                add_item(b, block, label, rest);
            }
            continue;
        }
        // Emphasised short lines are headings ("Agenda item 2", "General draft recommendations"),
        // unless they are emphasis inside running text: the sentence before them is cut off
        // mid-way, or the next block carries on in lower case.
        const Unit* before = b.current_unit();
        bool inside_sentence = before && before->kind != UnitKind::heading && ends_mid_sentence(before->text);
        bool next_continues = i + 1 < blocks.size() && blocks[i + 1].role == LineRole::body &&
                              is_lower_start(strip_bullet(blocks[i + 1].text));
        if (block.emphasised && char_count(block.text) < 200 && !is_lower_start(s) &&
            !inside_sentence && !next_continues && !block.text.empty() && block.text.back() != ',') {
            resolve_candidates(b, candidates, last_numbered, 0);
            // "Agenda item 2" groups the topical headings below it.
            bool agenda = iequals_prefix(s, "agenda item ") || iequals_prefix(s, "item ");
            b.push_heading(agenda ? 2 : 4, std::string(s), "", block.page_first, block.page_last);
            continue;
        }

        if (is_signature(s)) {
            b.current = b.add(b.next_text_unit(), block, block.text);
            b.numbered_region = false;
            continue;
        }

        // Running text: a continuation of the current unit, or a unit of its own.
        const Unit* cur = b.current_unit();
        bool continues_sentence = is_lower_start(s);
        if (b.last_footnote >= 0 && continues_sentence && before_footnote && !after_footnote &&
            !ends_sentence(b.units[static_cast<size_t>(b.last_footnote)].text)) {
            // The top of a page's footnote area continues the previous page's last footnote.
            b.append(b.last_footnote, block, block.text, true);
            continue;
        }
        if (cur && cur->kind != UnitKind::heading &&
            (continues_sentence || !ends_sentence(cur->text) || after_footnote)) {
            b.append(b.current, block, block.text, continues_sentence || !ends_sentence(cur->text));
            continue;
        }
        if (cur && cur->kind == UnitKind::recommendation) {  // more text of the recommendation
            b.append(b.current, block, block.text, false);
            continue;
        }
        if (b.numbered_region && cur && cur->kind != UnitKind::heading && !b.embedded_list) {
            // A paragraph whose number was lost in conversion ("- Mr. Sturland ...").
            Unit unit;
            unit.kind = UnitKind::text;
            unit.anchor = "candidate";
            b.current = b.add(unit, block, s);
            candidates.push_back(b.current);
            continue;
        }
        if (b.numbered_region && b.embedded_list && cur) {
            b.append(b.current, block, s, false);
            continue;
        }
        b.current = b.add(b.next_text_unit(), block, had_bullet ? s : std::string_view(block.text));
    }
    // Candidates after the last numbered paragraph: no number follows to say which
    // were paragraphs, so they stay unnumbered text.
    if (!candidates.empty()) {
        for (int c : candidates) {
            Unit& unit = b.units[static_cast<size_t>(c)];
            Unit numbered = b.next_text_unit();
            unit.number = numbered.number;
            unit.label = numbered.label;
            unit.ref = unit.part.empty() ? numbered.ref : unit.part + ", " + numbered.ref;
            unit.anchor = b.unique_anchor(unit.part.empty() ? numbered.anchor
                                                            : blocks::part_slug(unit.part) + "-" + numbered.anchor);
        }
        candidates.clear();
    }
    merge_marked(b);
    link_footnotes(b);
    for (size_t i = 0; i < b.units.size(); ++i) b.units[i].seq = static_cast<int>(i);
    out.units = std::move(b.units);
    return out;
}

}  // namespace verbatim
