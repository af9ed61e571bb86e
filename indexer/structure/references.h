// References inside a unit's text are data: the documents it cites ("A/RES/74/176,
// para. 7", "CCPCJ resolution 27/4", "E/CN.15/2019/L.3/Rev.1") and the passages it
// quotes from them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"

namespace verbatim {

struct TextReference {
    std::string symbol;                   // canonical: "A/RES/74/176", "CCPCJ resolution 27/4"
    std::vector<std::string> paragraphs;  // "7"; "28", "32" for "paras. 28 and 32"
    size_t start = 0, end = 0;            // byte span in the text, paragraph part included
};

using Quotation = QuotedPassage;

// Every document reference in `text`, in order.
std::vector<TextReference> find_references(std::string_view text);

// Quoted passages that directly follow a reference to their source.
std::vector<Quotation> find_quotations(std::string_view text, const std::vector<TextReference>& references);

// Canonical form of a symbol as typed ("a/res/74/176" stays lower case: matching is
// case-insensitive); "General Assembly resolution 74/176" -> "A/RES/74/176".
std::string canonical_symbol(std::string_view text);

}  // namespace verbatim
