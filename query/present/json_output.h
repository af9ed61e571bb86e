// The JSON shapes of the CLI (--json) and, later, the HTTP API. A public contract:
// documented in README.md ("JSON output"); add fields, never rename or remove them.
#pragma once

#include <nlohmann/json.hpp>

#include "model/unit_record.h"
#include "query/search/searcher.h"

namespace verbatim {

// Where the unit stands in its source file, as a URL fragment: "#page=3" (the PDF's
// physical page), "#:~:text=..." (a text file's first words of the unit), or empty.
std::string source_fragment(const DocumentMeta& doc, const Unit& unit);
// "file:///path/to/doc.pdf#page=3": opens the original in a browser on this machine.
std::string source_file_link(const DocumentMeta& doc, const Unit& unit);
// "/source/<doc id>#page=3": the original as `verbatim serve` serves it.
std::string source_url(const DocumentMeta& doc, const Unit& unit);

// A unit with its document's fields and citation.
nlohmann::json unit_to_json(const UnitRecord& record);

// A search hit: unit_to_json plus score, rank and snippet.
nlohmann::json hit_to_json(const Hit& hit);

// {"group": key, "label", "first_date", "last_date", "count", "hits": [...]}
nlohmann::json group_to_json(const HitGroup& group);

// {"year": [{"value": "2020", "count": 31}, ...], "meeting": [...], ...}; a meeting also
// carries `filter`, the query filter that selects it alone (see meeting_filters), when
// `documents` are given and the query language can name it.
nlohmann::json facets_to_json(const Facets& facets, const std::vector<DocumentMeta>& documents = {});

}  // namespace verbatim
