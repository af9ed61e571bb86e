// The fields a title page prints, one line at a time ("Distr.: General", "Original:
// English", "Vienna, 10 and 11 September", a symbol, a date, the body), and the choice of
// a title among the lines that are not fields. Steps of read_document_meta
// (title_block.h), each with plain data in and out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace verbatim {

// What one front-matter line says. Empty strings: not that field.
struct LineFields {
    std::string symbol, distribution, original_language, date, place, body;
    bool field = false;          // the line is a field (else a title candidate, or masthead)
    bool session_dates = false;  // a place with the session's dates ("New York, 17 February–14 March 2025")
};

// Reads one line of the front matter.
LineFields line_fields(std::string_view line);

// The title-page fields of the extractor's block (symbols, date, distribution, original
// language, job number, title).
DocumentMeta title_block_fields(const TitleBlock& block);

// Fills what `meta` lacks from the front matter's lines, in order (a field printed twice:
// the first wins; a second symbol is another symbol of the document), keeps what is not a
// field as masthead, and returns the lines that could be the title.
std::vector<std::string> add_front_matter(const std::vector<std::string>& lines, DocumentMeta& meta);

// The title among the candidates: the first that opens with a document's word ("Report",
// "Note", "Draft report", ...), else the longest. Empty when none.
std::string choose_title(const std::vector<std::string>& candidates);

// The masthead lines that are not the title or part of it, nor "United Nations".
std::vector<std::string> masthead_without_title(std::vector<std::string> masthead, const std::string& title);

// A line that addresses the audience ("Mr. President,", "Excellencies;") rather than
// names the document: it ends as a clause does.
bool is_salutation(std::string_view line);

// The date a document without a title page states for itself, in a short line of its
// own among its first or last three units; a date inside the sentences is about
// something else.
std::string stated_date(const std::vector<Unit>& units);

// What kind of document it is ("report", "draft", "crp", "resolution", "statement"),
// from its title, symbol and distribution; empty when they do not say.
std::string document_type(const DocumentMeta& meta);

}  // namespace verbatim
