// The vocabulary's data files (vocabulary/data/*.txt), compiled into the binary.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace verbatim::vocabulary {

// The bytes of the data file `name` ("months.txt"); empty when there is none. Generated.
std::string_view data_file(std::string_view name);

// The entries of a data file: one per line that is neither blank nor a "#" comment, cut
// into at most `columns` fields at runs of spaces (the last field keeps the rest of the
// line), or at `separator` when one is given (fields trimmed).
std::vector<std::vector<std::string>> data_rows(std::string_view name, std::size_t columns,
                                                std::string_view separator = {});

}  // namespace verbatim::vocabulary
