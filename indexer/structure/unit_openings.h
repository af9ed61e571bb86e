// How a block's words open a unit: the number of a paragraph ("12."), the label of an item
// ("(b)"), the numbering of a heading ("III.", "A."), a recommendation's ("Recommendation
// 3"), a signature; and how a block's text ends. Pure functions of the text, asked by the
// blocks (unit_blocks.h), the front matter and the classification (block_classify.h).
#pragma once

#include <string>
#include <string_view>

namespace verbatim::blocks {

// "- text", "– text", "• text" -> "text" (`had_bullet` set when there was one).
std::string_view strip_bullet(std::string_view s, bool* had_bullet = nullptr);

// "12. text" -> number "12"; "12.Text" (the gap was positioned, not a space) too;
// "115.37 text" -> "115.37" (item 37 of paragraph 115, as recommendation lists print it).
bool match_paragraph(std::string_view s, std::string& number, std::string_view& rest);

// "(b) text" -> label "b"; "(iv) text" -> "iv".
bool match_item(std::string_view s, std::string& label, std::string_view& rest);

// "III. Title" (roman) or "A. Title" (a capital letter of any script) -> level 1 or 2,
// with `numbering`; 0 for anything else.
int match_numbered_heading(std::string_view s, std::string& numbering);

// "Recommendation 3", "Draft recommendation 11bis [Proposed by Spain]" -> number "11bis",
// `note` what follows it ("[Proposed by Spain]").
bool match_recommendation(std::string_view s, bool& draft, std::string& number, std::string_view& note);

// A paragraph's number as a count: "12" -> 12; 0 when it is not one (up to 999).
int small_number(const std::string& digits);

// The block opens a unit of its own: a paragraph, an item, a numbered heading or a
// recommendation.
bool starts_unit(std::string_view text);

// "(Signed) Name": a letter's signature, in the UN languages that print one so.
bool is_signature(std::string_view s);

// The text ends with a comma or semicolon (Latin, Arabic or Chinese): a clause, not a
// sentence.
bool ends_clause(std::string_view text);

// The text stops in the middle of a sentence: after a word, a comma or a hyphen.
bool ends_mid_sentence(const std::string& text);

// `s` opens with `prefix` (lower-case ASCII), whatever the case of its letters.
bool iequals_prefix(std::string_view s, std::string_view prefix);

}  // namespace verbatim::blocks
