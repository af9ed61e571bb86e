// What a block of text is, from its words alone: the classifiers the unit builder
// asks before it decides where a block goes. Pure functions, table-tested.
#pragma once

#include <string>
#include <string_view>

namespace verbatim::blocks {

// A line of a table of contents or of a list of tables: a title followed by a dot
// leader ("Introduction . . . . . 3", "Annexes ........ 12") or by a page number set
// after a tab-like gap. Such lines never become numbered paragraphs or headings.
bool is_contents_entry(std::string_view text);

// "Contents", "Table of contents", "Sommaire", "Índice", "Содержание": the heading of one.
bool is_contents_heading(std::string_view text);

// The opening words of a resolution or decision: "The General Assembly,",
// "The Economic and Social Council,", "L'Assemblée générale,", "El Consejo de Seguridad,".
// A short block ending with a comma whose subject is an organ.
bool is_chapeau(std::string_view text);

// A preambular paragraph's opening: a participle or adjective phrase of the kind
// resolutions use ("Recalling", "Noting with concern", "Deeply alarmed",
// "Bearing in mind", "Having considered"; French and Spanish forms as well).
bool opens_preambular(std::string_view text);

// A heading that opens a part of the document whose numbering restarts:
// "Annex", "Annex II", "Appendix I", "Enclosure", "Draft resolution III",
// "Draft decision I", "Separate opinion of Judge X". Returns the part's name as it is
// cited ("annex II", "draft resolution III"), or "" when the text is not one.
std::string part_name(std::string_view text);

// "Table 3", "Figure IV", "Chart 2", "Box 1" opening a caption; returns the kind
// ("table", "figure", ...) and sets `number`, or returns "".
std::string caption_kind(std::string_view text, std::string& number);

// "21.", "115.37": the decimal number of a recommendation list item, split into the
// paragraph ("115") and the item ("37"). False for anything else.
bool split_decimal_number(std::string_view number, std::string& paragraph, std::string& item);

// "annex II" -> "annex-ii": the part's prefix in anchors.
std::string part_slug(std::string_view part);

}  // namespace verbatim::blocks
