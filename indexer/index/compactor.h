// Compacting an index, or merging the parts of one written apart (index/parts.h), into
// one database.
#pragma once

#include <xapian.h>

#include <string>

namespace verbatim {

// A Xapian compactor that joins the lists of forms recorded under one stem
// (model/stem_forms.h): of a metadata key found in several sources, Xapian keeps only
// one value.
class IndexCompactor : public Xapian::Compactor {
  public:
    std::string resolve_duplicate_metadata(const std::string& key, size_t num_tags, const std::string tags[]) override;
};

}  // namespace verbatim
