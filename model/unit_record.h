// The stored forms of a unit: its record (what display and citation need, in the Xapian
// document's data, so a search never re-reads a source file) and its facets value.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "model/document.h"

namespace verbatim {

// A unit together with the fields of its document that a hit displays.
struct UnitRecord {
    DocumentMeta doc;
    Unit unit;
};

nlohmann::json to_json(const DocumentMeta& doc);
DocumentMeta document_meta_from_json(const nlohmann::json& j);

// A unit's stored data holds the unit and its document's id; the document's fields are
// stored once, in the database metadata (schema::kDocKey), not with every unit.
// A compact binary record (unit_record.cpp describes it), written for every unit: no
// JSON keys repeated, and read back without a parser.
std::string serialise_unit(const std::string& doc_id, const Unit& unit);
// The unit, and the id of its document. Throws DecodeError (model/varint.h) when the
// data is truncated, corrupt or of another record version.
std::pair<Unit, std::string> parse_unit(const std::string& data);

// The unit's value of schema::kFacetsSlot (model/facet_value.h).
std::string facets_value(const DocumentMeta& doc, const Unit& unit);

}  // namespace verbatim
