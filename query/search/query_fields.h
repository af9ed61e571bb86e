// The field filters of the query language (symbol:, year:, date:, status:, country:, ...):
// each value in, a boolean Xapian query out, or a QueryError saying what is wrong.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

namespace verbatim {

// A field filter of the query language.
struct QueryField {
    std::string name;         // "symbol"
    std::string description;  // for --help and error messages
};
const std::vector<QueryField>& query_fields();

bool is_query_field(const std::string& name);

// The filter for `name:value` (value as typed); `column` locates errors.
// Throws QueryError.
Xapian::Query field_query(const std::string& name, const std::string& value, size_t column);

}  // namespace verbatim
