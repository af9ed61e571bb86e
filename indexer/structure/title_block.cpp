#include "indexer/structure/title_block.h"

#include <algorithm>

#include "indexer/structure/meeting_mention.h"
#include "indexer/structure/title_fields.h"

namespace verbatim {

bool shows_title_page(const ExtractedText& extracted, const std::vector<std::string>& front_matter) {
    if (front_matter.empty()) return false;
    const TitleBlock& tb = extracted.title_block;
    if (!tb.symbols.empty() || !tb.date.empty() || !tb.title.empty() || !tb.distribution.empty()) return true;
    for (const std::string& line : front_matter) {
        const LineFields f = line_fields(line);
        if (!f.symbol.empty() || !f.distribution.empty() || !f.original_language.empty() || !f.date.empty() ||
            line == "United Nations")
            return true;
    }
    // A title set apart (a heading, bold, a larger font) that does not address anyone.
    size_t chars = 0, total = 0;
    for (const std::string& line : front_matter) total += line.size();
    for (const SourceLine& line : extracted.lines) {
        if (chars >= total) break;
        chars += line.text.size() + 1;
        if (line.emphasised && !is_salutation(line.text)) return true;
    }
    return false;
}

DocumentMeta read_document_meta(const ExtractedText& extracted, const StructuredText& structured) {
    DocumentMeta meta = title_block_fields(extracted.title_block);
    const std::vector<std::string> title_candidates = add_front_matter(structured.front_matter, meta);
    if (meta.title.empty()) meta.title = choose_title(title_candidates);
    // What the title page says besides its fields and title is kept as printed.
    meta.masthead = masthead_without_title(std::move(meta.masthead), meta.title);

    if (const auto m = find_meeting(meta.title, structured.units)) {
        meta.meeting_number = m->number;
        meta.meeting = m->meeting;
        if (meta.body.empty()) meta.body = m->body;
        if (meta.place.empty()) meta.place = m->place;
    }
    if (const auto h = held_in(meta.title)) {
        if (meta.body.empty()) meta.body = h->body;
        if (meta.place.empty()) meta.place = h->place;
    }
    // What running headers print, where the text says nothing itself. Their symbol names
    // the record a transcript was taken from, which holds other speakers' words too (one
    // General Debate meeting, several speeches): it is listed, the document keeps its own
    // name, so that a citation names one document and its own paragraph numbers.
    if (meta.date.empty()) meta.date = extracted.header_date;
    if (!extracted.header_symbol.empty() && extracted.header_symbol != meta.symbol &&
        std::find(meta.other_symbols.begin(), meta.other_symbols.end(), extracted.header_symbol) ==
            meta.other_symbols.end())
        meta.other_symbols.push_back(extracted.header_symbol);
    if (meta.date.empty()) meta.date = stated_date(structured.units);
    meta.type = document_type(meta);
    return meta;
}

}  // namespace verbatim
