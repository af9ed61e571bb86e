// Numbers read from documents, manifests and the index: std::from_chars with a range,
// never std::stoi (which throws out of the stage on "99999999999" or on no digits).
#pragma once

#include <charconv>
#include <limits>
#include <optional>
#include <string_view>
#include <system_error>

namespace verbatim {

// The whole of `text` as a number in [lo, hi] (base 10, or 16), else nullopt: no sign
// unless T is signed, no spaces, nothing after the digits.
template <typename T>
std::optional<T> parse_number(std::string_view text, T lo = std::numeric_limits<T>::min(),
                              T hi = std::numeric_limits<T>::max(), int base = 10) {
    T value{};
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value, base);
    if (text.empty() || ec != std::errc() || ptr != end || value < lo || value > hi) return std::nullopt;
    return value;
}

}  // namespace verbatim
