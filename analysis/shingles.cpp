#include "analysis/shingles.h"

#include <algorithm>
#include <cstdint>

#include "model/schema.h"

namespace verbatim {

std::vector<std::string> reuse_keys(const std::vector<Token>& tokens, const Analyser& analyser) {
    std::vector<std::string> keys;
    keys.reserve(tokens.size());
    for (const Token& t : tokens)
        if (t.role != Token::Role::joined) keys.push_back(analyser.stem(t.term));
    return keys;
}

std::vector<uint64_t> shingle_hashes(const std::vector<std::string>& keys) {
    std::vector<uint64_t> hashes;
    if (keys.size() < kShingleWords) return hashes;
    hashes.reserve(keys.size() - kShingleWords + 1);
    for (size_t i = 0; i + kShingleWords <= keys.size(); ++i) {
        uint64_t h = 1469598103934665603ULL;  // FNV-1a over the words, separated
        for (size_t k = 0; k < kShingleWords; ++k) {
            for (unsigned char c : keys[i + k]) h = (h ^ c) * 1099511628211ULL;
            h = (h ^ 0x1F) * 1099511628211ULL;
        }
        hashes.push_back(h);
    }
    return hashes;
}

std::vector<uint64_t> winnow(const std::vector<uint64_t>& hashes, size_t window) {
    if (hashes.size() <= window) {
        // A short text: keep its minimum, so it can still be found.
        std::vector<uint64_t> out;
        if (!hashes.empty()) out.push_back(*std::min_element(hashes.begin(), hashes.end()));
        return out;
    }
    std::vector<uint64_t> out;
    size_t last = SIZE_MAX;
    for (size_t start = 0; start + window <= hashes.size(); ++start) {
        size_t min = start;
        for (size_t i = start + 1; i < start + window; ++i)
            if (hashes[i] <= hashes[min]) min = i;  // rightmost minimum, as the paper says
        if (min != last) {
            out.push_back(hashes[min]);
            last = min;
        }
    }
    return out;
}

std::string shingle_term(uint64_t hash) {
    static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuv";  // 32 symbols, 5 bits each
    // 15 bits: winnowing chose on the whole hash, so texts sharing a run still share the
    // term; a bucket collision only adds a weak candidate (ranked by shared fingerprints).
    // At 20 bits most terms had one posting, each a B-tree entry of ~20 bytes: a fifth of
    // the index on ungdc; 32,768 terms of many postings each take a third of that.
    std::string term = schema::kShingle;
    for (int i = 0; i < 3; ++i, hash >>= 5) term += kDigits[hash & 31];
    return term;
}

}  // namespace verbatim
