// Dates as UN documents write them, in the six official languages: "2 March 2024",
// "2 mars 2024", "1er mars 2024", "2 de marzo de 2024", "2 марта 2024 года",
// "2 آذار/مارس 2024", "2024年3月2日"; and the numeric dates of running headers
// ("28/09/2015"). The month names and the words between a date's parts are data
// (vocabulary/data/months.txt, date_words.txt).
#pragma once

#include <string>
#include <string_view>

namespace verbatim::vocabulary {

// The first written date in `text` as "YYYY-MM-DD"; empty when none. The day is one or two
// digits at a word start or after a hyphen ("4-15 November 2019" reads 15), the year four
// digits (ASCII or Arabic-Indic). Month names match in any letter case.
std::string iso_date_in(std::string_view text);

// The month a written name stands for (1 to 12, any language of the table, any letter case,
// "آذار/مارس" too); 0 when it is not a month name.
int month_number(std::string_view name);

// A whole word that is a numeric date, day first: "28/09/2015" or "28.09.2015" ->
// "2015-09-28"; empty when it is not one (years 1900 to 2100).
std::string numeric_date(std::string_view word);

}  // namespace verbatim::vocabulary
