// The stored form of a unit: what display and citation need, as JSON in the Xapian
// document's data, so a search never re-reads a source file.
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
std::string serialise_unit(const std::string& doc_id, const Unit& unit);
// The unit, and the id of its document.
std::pair<Unit, std::string> parse_unit(const std::string& data);

}  // namespace verbatim
