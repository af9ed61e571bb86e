// References as people type them: "CTOC/COP/WG.4/2020/4, para. 12",
// "ctoc/cop/wg.4/2020/4 paragraph 10", "paras. 8-10", "para 36(b)", "rec. 3",
// "draft recommendation 11bis", "footnote 17", "fn 17", "chair-notes-2020, para. [3]".
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace verbatim {

struct Reference {
    enum class Part { document, paragraph, recommendation, footnote };
    std::string document;            // symbol, manifest name or id, as typed
    Part part = Part::document;      // which kind of unit is named
    bool draft = false;              // "draft recommendation"
    std::string number;              // "12", "11bis"
    std::string last;                // end of a range ("paras. 8-10"), else empty
    std::vector<std::string> items;  // sub-items: "para 36(b)(i)" -> {"b", "i"}

    // Anchors of the units named (in document order), as the structure stage makes them.
    std::vector<std::string> anchors() const;
};

// Parses a reference; the error string says what is wrong with it.
std::variant<Reference, std::string> parse_reference(std::string_view text);

}  // namespace verbatim
