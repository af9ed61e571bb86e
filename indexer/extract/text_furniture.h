// Page furniture in plain text (transcripts converted from PDF): page counters, job numbers,
// barcodes and running headers such as "A/70/PV.15 28/09/2015". Hand-written scanners: they
// run on every line of every text file, in time linear in the line.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace verbatim {

// What a running-header line says: the symbol of the record and its date, when it has them.
struct HeaderFields {
    std::string symbol;  // "A/70/PV.15"
    std::string date;    // YYYY-MM-DD
    // Holds a job number, or a symbol and a date: furniture wherever it stands. A symbol
    // or a date alone is furniture only where it repeats (a title page prints its symbol).
    bool strong = false;
};

// True when every word of the line is furniture: a document symbol, a numeric date
// ("28/09/2015"), a page counter ("31/34"), a job number ("15-29425", "21-02065 (E)") or a
// page number; and it holds a symbol, a date or a job number (a bare number is not enough).
// Fills `fields` from what it holds.
bool is_header_line(std::string_view line, HeaderFields& fields);

// The line with every run of digits replaced by '#': running headers that change their
// page or date share it ("# General Assembly - Forty-eighth session").
std::string digit_shape(std::string_view line);

// Reads 1..max_digits ASCII digits at s[i] into value (advancing i); false when none.
bool read_number(std::string_view s, size_t& i, size_t max_digits, int& value);

}  // namespace verbatim
