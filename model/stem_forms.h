// Stemmed search without stem postings: the index records, under the metadata key
// schema::kStemPrefix + stem ("Zpunish"), the exact forms indexed with that stem
// ("punish punished punishment"); a stemmed query is the synonym of those forms.
//
// Metadata, not Xapian's synonym table: Xapian 1.4's remote backend (xapian-tcpsrv
// shards) cannot read synonyms, but it reads metadata. Header-only: the writer, the
// compactor and the query side share the one format.
#pragma once

#include <xapian.h>

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

// Compacts databases into one (parts of an index written apart), joining the form
// lists of a stem: Xapian keeps only one source's value of a metadata key.
class IndexCompactor : public Xapian::Compactor {
  public:
    std::string resolve_duplicate_metadata(const std::string& key, size_t num_tags, const std::string tags[]) override {
        // Xapian 1.4 (glass) passes its own form of the key: "\0\xc0" + the user's key.
        std::string_view user_key = key;
        if (user_key.size() >= 2 && user_key[0] == '\0' && user_key[1] == '\xc0') user_key.remove_prefix(2);
        if (!is_stem_forms_key(user_key)) return tags[0];
        std::string merged = tags[0];
        for (size_t i = 1; i < num_tags; ++i)
            for (const std::string& form : split_stem_forms(tags[i])) add_stem_form(merged, form);
        return merged;
    }
};

}  // namespace verbatim
