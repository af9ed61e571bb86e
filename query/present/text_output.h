// Human output: cited hits with highlighted snippets, and whole units for `cite`.
#pragma once

#include <ostream>

#include "model/unit_record.h"
#include "query/present/terminal_style.h"
#include "query/search/searcher.h"

namespace verbatim {

// "28 September 2020", or "undated": a document's date as people read it.
std::string dated(const DocumentMeta& doc);

// "add (Canada): “victims and survivors”", one change of negotiated text.
std::string describe_change(const Change& change);
// Annotations in negotiated text dimmed on a terminal, so the text stands out.
std::string set_apart_annotations(const std::string& text, const TextStyle& style);

// "CTOC/COP/WG.4/2020/4, para. 12, p. 3"
// "[OCR 93 %: check against the scan]" for a unit read by OCR.
std::string ocr_mark(const Unit& unit);
std::string citation_with_pages(const UnitRecord& record);
// The citation, with pages when the style asks for them.
std::string styled_citation(const UnitRecord& record, const TextStyle& style);

void print_hits(std::ostream& out, const SearchResult& result, const SearchOptions& options, const TextStyle& style);
void print_unit(std::ostream& out, const UnitRecord& record, const TextStyle& style);
// Hits under a header per meeting or document: "tenth meeting of ... (2020) — 12 units".
void print_groups(std::ostream& out, const SearchResult& result, const TextStyle& style);
// "year: 2020 (31), 2019 (12) ..." one line per facet.
void print_facets(std::ostream& out, const Facets& facets, const TextStyle& style);

}  // namespace verbatim
