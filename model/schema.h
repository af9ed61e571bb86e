// The index schema: every term prefix, value slot and metadata key verbatim uses.
// The indexer writes them and the searcher reads them; nothing else may invent one.
//
// One Xapian document = one citable Unit. Its data is the Unit and its document's id as
// a binary record (see index/unit_record.h), so a search never re-reads a source; the
// document's display fields are JSON in the metadata (kDocKey).
#pragma once

#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

namespace verbatim::schema {

// --- free-text terms (written by the analyser, with positions) ---------------
// Unprefixed: the folded exact form ("sanchez", "non", "punishment", "nonpunishment").
// Phrases match these, and stemmed words: no stem is indexed, the metadata key
// Z<stem> lists the exact forms indexed with that stem, and a word query is their
// OP_SYNONYM (model/stem_forms.h). Query highlighting still names stems "Z<stem>".
inline constexpr const char* kStemPrefix = "Z";  // metadata Zpunish -> "punish punished punishment"
// XH<one or two characters>, with positions of their own: the characters of Han, Kana and
// Hangul runs and their overlapping bigrams, beside the other words of a unit that has any
// (Analyser::cjk_grams). Any substring of a run is a phrase of bigrams.
inline constexpr const char* kCjkGram = "XH";
// XL<lang>: the language a unit's words were analysed (stemmed) in, when it is not its
// document's (a paragraph detected with certainty to be in another language).
inline constexpr const char* kUnitLang = "XL";

// --- boolean terms (filters, identity); values are lower-cased ---------------
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
// XG<hash>: a winnowed word 3-gram (text reuse), the hash's low 15 bits in 3 base-32
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
inline constexpr const char* kSchemaVersion = "8";  // 6: languages; 7: unit records hold a part; 8: 15-bit fingerprints, no Q<unit id>

// --- the one way to build a term or a metadata key from a value --------------
// Xapian refuses terms over 245 bytes and metadata keys over about as many ("Key too
// long"). Ids, symbols, names, anchors, file paths: any value goes through key(), for
// writing and for looking up alike, so whatever was indexed is found again. Up to
// kMaxKeyBytes a key is the prefix and the value; beyond, the value's first 160 bytes
// and a 64-bit hash of all of it (FNV-1a, as content_hash).
inline constexpr size_t kMaxKeyBytes = 200;

inline std::string key(std::string_view prefix, std::string_view value) {
    std::string out;
    out.reserve(prefix.size() + std::min<size_t>(value.size(), kMaxKeyBytes));
    out += prefix;
    if (prefix.size() + value.size() <= kMaxKeyBytes) return out += value;
    uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : value) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    out += value.substr(0, 160);
    static constexpr char kHex[] = "0123456789abcdef";
    for (int shift = 60; shift >= 0; shift -= 4) out += kHex[(h >> shift) & 0xf];
    return out;
}

// Gap left between the term positions of two fields of one unit, so a phrase
// never runs from the heading into the text.
inline constexpr Xapian::termpos kFieldGap = 100;

}  // namespace verbatim::schema
