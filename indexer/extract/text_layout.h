// Plain-text reports (as converted from PDF) -> content lines with page numbers.
#pragma once

#include <string>
#include <string_view>

#include "model/document.h"

namespace verbatim {

// True for a line that is page furniture rather than content: a page counter with
// or without a job number ("2/7 V.20-05476", "V.20-05476 5/7", "Page 3 of 9",
// "GE.19-13879", "21-02065 (E)"). Sets `page` to the counter's page when it has one.
bool is_page_furniture_line(std::string_view line, int& page);

// Splits decoded text into SourceLines: drops furniture and uses the page counters to
// number pages (a counter closes its page), reads <sup>N</sup> footnotes and markers,
// and removes the light Markdown that converters leave (#, **, *, \*, [text](#)).
ExtractedText lay_out_text(const std::string& text);

}  // namespace verbatim
