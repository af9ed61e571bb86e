// The index schema: every term prefix, value slot and metadata key verbatim uses.
// The indexer writes them and the searcher reads them; nothing else may invent one.
//
// One Xapian document = one citable Unit. Its data is the Unit and its document's
// display fields as JSON (see index/unit_record.h), so a search never re-reads a source.
#pragma once

#include <xapian.h>

namespace verbatim::schema {

// --- free-text terms (written by the analyser, with positions) ---------------
// Unprefixed: the folded exact form ("sanchez", "non", "punishment", "nonpunishment").
// Phrases match these.
inline constexpr const char* kStemPrefix = "Z";  // stemmed form, no positions: "Zpunish"

// --- boolean terms (filters, identity); values are lower-cased ---------------
inline constexpr const char* kUnitId = "Q";       // Q<unit id>: unique, re-indexing replaces
inline constexpr const char* kDocId = "XD";       // XD<doc id>: all units of a document
inline constexpr const char* kSymbol = "XS";      // XS<symbol>, for every symbol of the doc
inline constexpr const char* kName = "XN";        // XN<manifest name>
inline constexpr const char* kLang = "L";         // Len
inline constexpr const char* kKind = "K";         // Kparagraph, Krecommendation, ...
inline constexpr const char* kType = "XT";        // XTreport, XTdraft, XTcrp, XTstatement
inline constexpr const char* kYear = "Y";         // Y2020
inline constexpr const char* kMeeting = "XM";     // XM10 (meeting number)
inline constexpr const char* kAnchor = "XA";      // XApara-12 (with XD, finds one unit)
inline constexpr const char* kCites = "XC";       // XCa/res/74/176: the unit refers to that document
inline constexpr const char* kShingle = "XG";     // XG<hash>: a winnowed word 3-gram (text reuse)
inline constexpr const char* kStatus = "XST";     // XSTagreed, XSTpending, XSTadopted, XSTdraft, ...
inline constexpr const char* kCountry = "XCO";    // XCOunited kingdom: proposed changes or is named
inline constexpr const char* kBody = "XB";        // XBworking group on trafficking in persons

// --- value slots ---------------------------------------------------------------
inline constexpr Xapian::valueno kDateSlot = 0;   // "YYYYMMDD" string, sorts by date
inline constexpr Xapian::valueno kSeqSlot = 1;    // sortable_serialise(unit seq in document)
inline constexpr Xapian::valueno kDocSlot = 2;    // doc id, to collapse or group by document
// Facets (counted over all matches by query/search/facets.cpp):
inline constexpr Xapian::valueno kYearSlot = 3;     // "2020"
inline constexpr Xapian::valueno kMeetingSlot = 4;  // the meeting, as the manifest or text names it
inline constexpr Xapian::valueno kTypeSlot = 5;     // report, draft, crp, statement, resolution
inline constexpr Xapian::valueno kStatusSlot = 6;   // the unit's status
inline constexpr Xapian::valueno kCountrySlot = 7;  // countries, separated by '\x1f'
inline constexpr Xapian::valueno kLangSlot = 8;     // "en"

// --- database metadata keys ----------------------------------------------------
inline constexpr const char* kFileKey = "file:";  // file:<absolute path> -> FileRecord JSON
inline constexpr const char* kDocKey = "doc:";    // doc:<doc id> -> DocumentMeta JSON
inline constexpr const char* kSchemaKey = "verbatim-schema";
inline constexpr const char* kSchemaVersion = "4";

// Gap left between the term positions of two fields of one unit, so a phrase
// never runs from the heading into the text.
inline constexpr Xapian::termpos kFieldGap = 100;

}  // namespace verbatim::schema
