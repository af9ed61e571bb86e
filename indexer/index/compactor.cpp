#include "indexer/index/compactor.h"

#include <string_view>

#include "model/stem_forms.h"

namespace verbatim {

std::string IndexCompactor::resolve_duplicate_metadata(const std::string& key, size_t num_tags, const std::string tags[]) {
    // Xapian 1.4 (glass) passes its own form of the key: "\0\xc0" + the user's key.
    std::string_view user_key = key;
    if (user_key.size() >= 2 && user_key[0] == '\0' && user_key[1] == '\xc0') user_key.remove_prefix(2);
    if (!is_stem_forms_key(user_key)) return tags[0];
    std::string merged = tags[0];
    for (size_t i = 1; i < num_tags; ++i)
        for (const std::string& form : split_stem_forms(tags[i])) add_stem_form(merged, form);
    return merged;
}

}  // namespace verbatim
