// The facets value slot (schema::kFacetsSlot): every facet value of a unit but the year
// in one value, as a list of (facet tag byte, length-prefixed value). One slot instead of
// one per facet: Xapian keeps a value stream per slot, both when writing and counting.
// Self-describing: a facet without a value takes no byte, a facet may repeat (countries),
// and a reader skips a tag it does not know.
#pragma once

#include <string>
#include <string_view>

#include "model/varint.h"

namespace verbatim {

enum class Facet : char { meeting = 'm', type = 't', status = 's', country = 'c', lang = 'l' };

// The name facets are shown under: "meeting", ..., "lang"; nullptr for an unknown tag.
inline const char* facet_name(char tag) {
    switch (static_cast<Facet>(tag)) {
        case Facet::meeting: return "meeting";
        case Facet::type: return "type";
        case Facet::status: return "status";
        case Facet::country: return "country";
        case Facet::lang: return "lang";
    }
    return nullptr;
}

// Appends one facet value; an empty value is no value.
inline void put_facet(std::string& out, Facet facet, std::string_view value) {
    if (value.empty()) return;
    out += static_cast<char>(facet);
    put_bytes(out, value);
}

// Calls f(name, value) for each facet value, in stored order; DecodeError if corrupt.
template <typename F>
void for_each_facet(std::string_view encoded, F&& f) {
    ByteReader in(encoded, "facets value");
    while (!in.at_end()) {
        const char* name = facet_name(static_cast<char>(in.byte()));
        const std::string_view value = in.bytes();
        if (name) f(name, value);
    }
}

}  // namespace verbatim
