// parse_query on any bytes: a QueryError is the only way to refuse a query.
#include <cstddef>
#include <cstdint>
#include <string>

#include "query/search/query_parser.h"

using namespace verbatim;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const Analyser english("en"), french("fr"), russian("ru");
    static const QueryLanguages languages{[](const std::string& lang) -> const Analyser& {
                                              return lang == "fr" ? french : lang == "ru" ? russian : english;
                                          },
                                          {"en", "fr", "ru"}};
    const std::string text(reinterpret_cast<const char*>(data), size);
    // Half the inputs see every term as known, half none: both paths of compound matching.
    const bool known = size > 0 && (data[0] & 1);
    try {
        // Each stem stands for itself as its one form: the synonym path is exercised.
        ParsedQuery parsed = parse_query(text, languages, [known](const std::string&) { return known; },
                                         [](const std::string& key) { return std::vector<std::string>{key}; });
        (void)parsed.query.get_description();
    } catch (const QueryError&) {
    }
    return 0;
}
