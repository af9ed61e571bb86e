// Plain data that flows between the stages of verbatim.
//
//   extract   : file bytes          -> ExtractedText (SourceLines + title-page hints)
//   structure : ExtractedText       -> Document (DocumentMeta + Units)
//   index     : Document            -> Xapian documents (one per Unit)
//   search    : Xapian              -> Hits (each carrying a stored Unit)
//
// Everything here is a value type with no behaviour beyond small helpers, so each
// stage can be tested by building its input by hand.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace verbatim {

// Something wrong with the input or the environment, reported and survived.
// `file` names the input, `page` is 0 when not page-specific.
struct Problem {
    std::string file;
    int page = 0;
    std::string cause;  // one sentence a user can act on
};

// ---------------------------------------------------------------------------
// extract -> structure

// Footnote markers found inline (superscripts in a PDF, <sup>N</sup> in text) are
// carried inside SourceLine::text as U+E000 <label> U+E001 so that joining and
// splitting lines keeps them in place; structure removes them from the body text
// and records the footnote link. Input text never contains these code points:
// the decoder strips them.
inline constexpr const char* kFootnoteMarkOpen = "\xEE\x80\x80";   // U+E000
inline constexpr const char* kFootnoteMarkClose = "\xEE\x80\x81";  // U+E001

enum class LineRole {
    body,      // running text, headings, paragraphs
    footnote,  // text from a page's footnote area
    table,     // a row of a table: cells in reading order, joined by kCellSeparator
};

// Between the cells of a table row in SourceLine::text and in a table unit's text.
inline constexpr const char* kCellSeparator = " | ";

// One line of content, in reading order, with page furniture already removed.
struct SourceLine {
    std::string text;            // UTF-8, trimmed, hyphenation at line end already resolved
    int page = 0;                // printed page number (1-based), 0 when unknown
    LineRole role = LineRole::body;
    bool starts_block = false;   // a visible break (blank line, vertical gap) precedes it
    bool emphasised = false;     // bold/italic/heading style where the source says so
    float font_size = 0;         // 0 when unknown (plain text)
};

// What a title page states about its document; empty fields were not found.
struct TitleBlock {
    std::vector<std::string> symbols;  // e.g. CTOC/COP/WG.4/2020/4 (first is the main one)
    std::string date;                  // YYYY-MM-DD
    std::string distribution;          // General, Limited, Restricted
    std::string original_language;     // English, French, ...
    std::string job_number;            // V.20-05476
    std::string title;
};

// A page of a PDF read by OCR (it had no usable text layer).
struct OcrPageInfo {
    int page = 0;             // printed page number, as SourceLine::page
    double confidence = 0;    // Tesseract's mean word confidence, 0..1
};

struct ExtractedText {
    std::vector<SourceLine> lines;
    std::vector<OcrPageInfo> ocr_pages;  // the pages whose lines came from OCR
    int page_count = 0;          // 0 when the source has no notion of pages
    bool pages_estimated = false;  // page numbers partly inferred (plain text)
    // Every printed paragraph number is in the text (a PDF's text layer), so none is
    // restored from the sequence: an unnumbered block is text, never a lost number.
    bool numbers_in_text = false;
    TitleBlock title_block;        // filled by the extractor when the layout tells it
    // PDF: the printed page number of each physical page (index 0 is the file's page 1),
    // so a unit's printed page can be opened in the file; empty for text.
    std::vector<int> printed_pages;
    std::string header_symbol;     // what running headers print (plain text): "A/70/PV.15"
    std::string header_date;       // YYYY-MM-DD, from a header's "28/09/2015"
    bool no_title_page = false;    // set by structure: the first lines are content, not a title
    std::vector<Problem> problems; // non-fatal: replaced bytes, unreadable page, ...
};

// ---------------------------------------------------------------------------
// structure -> index

enum class UnitKind {
    heading,         // "III. Chair's summary of deliberations"
    paragraph,       // numbered paragraph "12."
    item,            // lettered or roman sub-item "(b)" of a paragraph
    recommendation,  // "Recommendation 3", "Draft recommendation 11bis"
    footnote,        // footnote "17"
    text,            // unnumbered running text (speeches, notes)
    preambular,      // preambular paragraph of a resolution or decision: anchor "pp-3"
    table,           // a table, its rows kept as rows: anchor "table-3"
};

const char* to_string(UnitKind kind);
std::optional<UnitKind> unit_kind_from_string(const std::string& name);

// A passage of a unit that quotes an earlier document: "(A/RES/74/176, para. 7): “...”".
struct QuotedPassage {
    std::string source;         // citation of the quoted source: "A/RES/74/176, para. 7"
    std::string symbol;         // "A/RES/74/176"
    size_t start = 0, end = 0;  // byte span of the quoted words in Unit::text
};

// A change proposed to negotiated text: "[add: Canada]", "[delete: Canada, USA]",
// "[replace with 'X': Mexico]", "[Proposed by Israel]".
struct Change {
    std::string action;                   // add, delete, modify, retain, replace, remove, combine,
                                          // split, propose
    std::vector<std::string> delegations; // canonical names where known ("United Kingdom")
    std::string text;                     // the words it refers to, as well as can be told
    std::string note;                     // "option 1", a quoted replacement, ...
};

struct Unit {
    std::string anchor;        // unique within the document: "para-12", "para-36-b", "rec-3", "fn-17"
    UnitKind kind = UnitKind::text;
    std::string number;        // "12", "b", "3", "11bis", "17"; empty for text/heading without number
    std::string label;         // human label: "12", "36 (b)", "Recommendation 3", "footnote 17"
    std::string ref;           // citation inside the document: "para. 36 (b)",
                               // "draft recommendation 11bis, footnote 13"
    std::string parent;        // anchor of the enclosing unit (items, footnotes), else empty
    std::string part;          // the restarting part it stands in, as printed ("annex I",
                               // "draft resolution II"), else empty; its anchor then starts
                               // with the part's slug: "annex-i-para-3"
    std::vector<std::string> heading_path;  // headings above, outermost first
    std::string text;          // clean text: no furniture, no markers
    int page_first = 0;        // 0 when unknown
    int page_last = 0;
    bool number_inferred = false;       // number restored from the sequence
    std::vector<std::string> footnotes; // anchors of footnotes whose marker stands in this unit
    int seq = 0;               // position in the document, from 0
    bool draft = false;        // "Draft recommendation" rather than an adopted one
    std::vector<std::string> cites;       // symbols of the documents the text refers to
    std::vector<QuotedPassage> quotations;  // passages quoted from cited documents
    std::string status;                   // adopted, agreed, agreed as amended, pending, draft,
                                          // proposed; empty for plain paragraphs
    std::vector<Change> changes;          // negotiation annotations, in text order
    std::vector<std::string> countries;   // delegations proposing changes or named in the text
    bool ocr = false;                     // read by OCR from a scan: check a citation against the image
    double ocr_confidence = 0;            // the lowest OCR confidence of its pages, 0..1
};

// What is known about a document: from its text, then overridden by the manifest.
struct DocumentMeta {
    std::string id;            // stable id used in unit ids: "ctoc-cop-wg.4-2020-4.en"
    std::string name;          // short handle from the manifest ("chair-notes-2020"), may be empty
    std::string symbol;        // main document symbol, empty when it has none
    std::vector<std::string> other_symbols;
    std::string title;
    std::string date;          // YYYY-MM-DD, empty when unknown
    std::string type;          // report, draft, crp, statement, resolution, other
    std::string body;          // "Working Group on Trafficking in Persons"
    std::string meeting;       // "tenth meeting of the Working Group on Trafficking in Persons"
    int meeting_number = 0;    // 10
    std::string place;         // Vienna
    std::string meeting_dates; // "2020-09-10..2020-09-11"
    std::string lang = "en";   // ISO 639-1 of the text
    std::string original_language;
    std::string distribution;
    std::string job_number;
    std::string source;        // the file it was read from (absolute path)
    // Title-page lines that are neither a field above nor the title ("Seventy-ninth
    // session", "Agenda item 35", the agenda item's title): kept, as printed.
    std::vector<std::string> masthead;
    std::vector<int> printed_pages;  // ExtractedText::printed_pages of the source
    bool other_languages = false;  // set by search, not stored: another language version
                                   // is indexed, so its citations say which one this is
};

struct Document {
    DocumentMeta meta;
    std::vector<Unit> units;
    std::vector<Problem> problems;
};

// "CTOC/COP/WG.4/2020/4, para. 12" or "Speaking notes ... (13 October 2020), para. 3".
std::string citation_of(const DocumentMeta& doc, const Unit& unit);
// The document part of a citation: its symbol, else its title and date, else its file's
// name; with " [ru]" when other language versions are indexed (other_languages).
std::string document_reference(const DocumentMeta& doc);
// "p. 3", "pp. 2-3" or empty when pages are unknown.
std::string pages_of(const Unit& unit);
// "2020-09-28" -> "28 September 2020"; anything else is returned unchanged.
std::string human_date(const std::string& iso_date);
// The physical page of the source file (1-based) that carries the unit's first printed
// page; 0 when not known (text files, or a printed page no physical page carries).
int physical_page(const DocumentMeta& doc, const Unit& unit);
// Globally unique id of a unit: "<doc id>#<anchor>".
std::string unit_id(const DocumentMeta& doc, const Unit& unit);

}  // namespace verbatim
