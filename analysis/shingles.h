// Text reuse fingerprints: word 3-grams of stemmed words, hashed and winnowed
// (Schleimer, Wilkerson, Aiken 2003), so that any passage of six or more words shared
// by two texts gives both at least one common fingerprint, at ~40% of the shingles' cost.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/analyser.h"

namespace verbatim {

inline constexpr size_t kShingleWords = 3;
inline constexpr size_t kWinnowWindow = 4;  // guarantee: shared runs of >= 3 + 4 - 1 = 6 words

// The words of a token stream as text reuse sees them: stems, compounds by their parts.
std::vector<std::string> reuse_keys(const std::vector<Token>& tokens, const Analyser& analyser);

// Hashes of every word 3-gram of `keys`.
std::vector<uint64_t> shingle_hashes(const std::vector<std::string>& keys);

// The winnowed subset of `hashes` (the minimum of each window, once), in order.
std::vector<uint64_t> winnow(const std::vector<uint64_t>& hashes, size_t window = kWinnowWindow);

// The index term of a fingerprint: prefix + 3 characters (the hash's low 15 bits).
std::string shingle_term(uint64_t hash);

}  // namespace verbatim
