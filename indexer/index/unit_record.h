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

std::string serialise_unit_record(const DocumentMeta& doc, const Unit& unit);
UnitRecord parse_unit_record(const std::string& data);

}  // namespace verbatim
