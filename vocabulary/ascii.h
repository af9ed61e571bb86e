// ASCII case and spaces, for the machine words of what verbatim reads: file extensions,
// HTTP headers, manifest keys, field names, reference keywords, the vocabulary's data
// files and markup. Never for text a person wrote: that is folded by the analyser (ICU),
// in every script. Header-only; every stage sees it.
#pragma once

#include <string>
#include <string_view>

namespace verbatim::vocabulary {

// A-Z to a-z; every other byte (UTF-8 included) unchanged, whatever the C locale.
inline std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// `s` without the bytes of `strip` at either end (by default ASCII spaces and line ends).
inline std::string_view trim(std::string_view s, std::string_view strip = " \t\r\n") {
    const size_t b = s.find_first_not_of(strip);
    if (b == std::string_view::npos) return {};
    return s.substr(b, s.find_last_not_of(strip) - b + 1);
}

}  // namespace verbatim::vocabulary
