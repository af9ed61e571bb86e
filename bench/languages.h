// verbatim_bench languages: phrase, elision and Han substring queries over the UNPC test
// set (see languages.cpp and scripts/bench-languages.sh).
#pragma once

#include <string>

#include "query/search/searcher.h"

namespace verbatim {

// Prints, per language and kind of query, the share that finds its sentence, and each
// miss ("MISS lang kind: sentence N: query"). `testset` holds UNv1.0.testset.LANG.
int run_languages(Searcher& searcher, const std::string& testset, size_t max_sentences);

}  // namespace verbatim
