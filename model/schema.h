// The index schema: every term prefix, value slot and metadata key verbatim uses.
// The indexer writes them and the searcher reads them; nothing else may invent one.
//
// One Xapian document = one citable Unit. Its data is the Unit and its document's id as
// a binary record (see index/unit_record.h), so a search never re-reads a source; the
// document's display fields are JSON in the metadata (kDocKey).
#pragma once

#include <xapian.h>

namespace verbatim::schema {

// --- free-text terms (written by the analyser, with positions) ---------------
// Unprefixed: the folded exact form ("sanchez", "non", "punishment", "nonpunishment").
// Phrases match these, and stemmed words: no stem is indexed, the metadata key
// Z<stem> lists the exact forms indexed with that stem, and a word query is their
// OP_SYNONYM (model/stem_forms.h). Query highlighting still names stems "Z<stem>".
inline constexpr const char* kStemPrefix = "Z";  // metadata Zpunish -> "punish punished punishment"

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
// XG<hash>: a winnowed word 3-gram (text reuse), the hash's low 20 bits in 4 base-32
// characters; a bucket collision only adds a weak candidate (ranked by shared count).
inline constexpr const char* kShingle = "XG";
inline constexpr const char* kStatus = "XST";     // XSTagreed, XSTpending, XSTadopted, XSTdraft, ...
inline constexpr const char* kCountry = "XCO";    // XCOunited kingdom: proposed changes or is named
inline constexpr const char* kBody = "XB";        // XBworking group on trafficking in persons

// --- value slots ---------------------------------------------------------------
// Facets (counted over all matches by query/search/facets.cpp) read two slots: the year
// is the date's first four characters, every other facet is in kFacetsSlot.
inline constexpr Xapian::valueno kDateSlot = 0;   // "YYYYMMDD" string, sorts by date
inline constexpr Xapian::valueno kSeqSlot = 1;    // sortable_serialise(unit seq in document)
inline constexpr Xapian::valueno kDocSlot = 2;    // doc id, to collapse or group by document
// Meeting, type, status, countries and language (model/facet_value.h): one slot, as
// Xapian keeps one value stream per slot.
inline constexpr Xapian::valueno kFacetsSlot = 3;

// --- database metadata keys ----------------------------------------------------
inline constexpr const char* kFileKey = "file:";  // file:<absolute path> -> FileRecord JSON
inline constexpr const char* kDocKey = "doc:";    // doc:<doc id> -> DocumentMeta JSON
inline constexpr const char* kSchemaKey = "verbatim-schema";
inline constexpr const char* kSchemaVersion = "6";  // 6: unit records hold a part

// Gap left between the term positions of two fields of one unit, so a phrase
// never runs from the heading into the text.
inline constexpr Xapian::termpos kFieldGap = 100;

}  // namespace verbatim::schema
