// Stemmed search without stem postings: the index records, under the metadata key
// schema::kStemPrefix + stem ("Zpunish"), the exact forms indexed with that stem
// ("punish punished punishment"); a stemmed query is the synonym of those forms.
//
// Metadata, not Xapian's synonym table: Xapian 1.4's remote backend (xapian-tcpsrv
// shards) cannot read synonyms, but it reads metadata. Header-only: the writer, the
// compactor (index/compactor.h) and the query side share the one format.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "model/schema.h"

namespace verbatim {

// The forms of a list (as stored: separated by spaces, which no indexed term holds).
inline std::vector<std::string> split_stem_forms(std::string_view list) {
    std::vector<std::string> forms;
    while (!list.empty()) {
        size_t end = std::min(list.find(' '), list.size());
        if (end > 0) forms.emplace_back(list.substr(0, end));
        list.remove_prefix(std::min(end + 1, list.size()));
    }
    return forms;
}

// Adds `form` to `list` unless it is there; false when it was.
inline bool add_stem_form(std::string& list, std::string_view form) {
    for (std::string_view rest = list; !rest.empty();) {
        size_t end = std::min(rest.find(' '), rest.size());
        if (rest.substr(0, end) == form) return false;
        rest.remove_prefix(std::min(end + 1, rest.size()));
    }
    if (!list.empty()) list += ' ';
    list += form;
    return true;
}

inline bool is_stem_forms_key(std::string_view key) {
    const std::string_view prefix = schema::kStemPrefix;
    return key.substr(0, prefix.size()) == prefix;
}

}  // namespace verbatim
