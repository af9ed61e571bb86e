// Small binary encodings of what the index stores (unit records, the facets value):
// unsigned LEB128 varints and length-prefixed byte strings, and a reader that checks
// every bound, so that any bytes read back give a value or a DecodeError, never UB.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace verbatim {

// Stored bytes that do not decode: truncated, corrupt, or of another format version.
struct DecodeError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

inline void put_varint(std::string& out, uint64_t v) {
    for (; v >= 0x80; v >>= 7) out += static_cast<char>((v & 0x7f) | 0x80);
    out += static_cast<char>(v);
}

// Signed numbers as zigzag varints: small negative numbers stay short.
inline void put_signed(std::string& out, int64_t v) {
    put_varint(out, (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
}

inline void put_bytes(std::string& out, std::string_view s) {
    put_varint(out, s.size());
    out.append(s);
}

// Reads what the put_* functions wrote. Only the canonical encoding is accepted (no
// overlong varint), so a value read back is written again as the same bytes.
class ByteReader {
  public:
    // `what` names the encoding in error messages: "unit record".
    ByteReader(std::string_view data, const char* what) : data_(data), what_(what) {}

    bool at_end() const { return pos_ == data_.size(); }
    size_t remaining() const { return data_.size() - pos_; }

    uint8_t byte() {
        need(1);
        return static_cast<uint8_t>(data_[pos_++]);
    }

    uint64_t varint() {
        uint64_t v = 0;
        for (unsigned shift = 0;; shift += 7) {
            const uint8_t b = byte();
            if (shift == 63 && b > 1) fail("a number is too large");
            v |= static_cast<uint64_t>(b & 0x7f) << shift;
            if (!(b & 0x80)) {
                if (b == 0 && shift > 0) fail("a number is not in its shortest form");
                return v;
            }
        }
    }

    int64_t signed_varint() {
        const uint64_t z = varint();
        return static_cast<int64_t>(z >> 1) ^ -static_cast<int64_t>(z & 1);
    }

    // A signed number that must fit in int.
    int int_value() {
        const int64_t v = signed_varint();
        if (v < INT32_MIN || v > INT32_MAX) fail("a number is out of range");
        return static_cast<int>(v);
    }

    // A length-prefixed string, viewed in place.
    std::string_view bytes() {
        const uint64_t n = varint();
        need(n);
        std::string_view s = data_.substr(pos_, n);
        pos_ += n;
        return s;
    }

    // The count of a list whose items take at least one byte each: a corrupt count
    // cannot make the caller reserve more than the data could hold.
    size_t count() {
        const uint64_t n = varint();
        if (n > remaining()) fail("a list is longer than the data");
        return n;
    }

    [[noreturn]] void fail(const std::string& why) const {
        throw DecodeError(std::string(what_) + " is corrupt at byte " + std::to_string(pos_) + " of " +
                          std::to_string(data_.size()) + ": " + why);
    }

  private:
    void need(uint64_t n) const {
        if (n > remaining())
            throw DecodeError(std::string(what_) + " is truncated: " + std::to_string(n) + " bytes needed at byte " +
                              std::to_string(pos_) + " of " + std::to_string(data_.size()));
    }

    std::string_view data_;
    const char* what_;
    size_t pos_ = 0;
};

}  // namespace verbatim
