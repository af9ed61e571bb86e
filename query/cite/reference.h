// References as people type them: "CTOC/COP/WG.4/2020/4, para. 12",
// "ctoc/cop/wg.4/2020/4 paragraph 10", "paras. 8-10", "paras. 3, 5 and 7-9", "para 36(b)",
// "para. 115.37", "rec. 3", "draft recommendation 11bis", "footnote 17", "fn 17",
// "chair-notes-2020, para. [3]", "pp 3", "third preambular paragraph", "table 3", "p. 5",
// "A/79/722, annex I, para. 3", "draft resolution II, para. 4".
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace verbatim {

struct Reference {
    enum class Part { document, paragraph, preambular, recommendation, footnote, table, page };
    std::string document;            // symbol, manifest name or id, as typed
    Part part = Part::document;      // which kind of unit is named
    bool draft = false;              // "draft recommendation"
    std::string section;             // a restarting part as typed, lower case: "annex i", else empty
    // One number or range of the list ("paras. 3-5 and 7"): the first is also in number/last/items.
    struct Entry {
        std::string number;              // "12", "11bis", "115.37"
        std::string last;                // end of a range, else empty
        std::vector<std::string> items;  // sub-items: "36(b)(i)" -> {"b", "i"}
    };
    std::vector<Entry> entries;
    std::string number;              // entries[0].number
    std::string last;                // entries[0].last
    std::vector<std::string> items;  // entries[0].items

    // Anchors of the units named (in the order given), as the structure stage makes them;
    // empty for a document or a page (pages are not anchors).
    std::vector<std::string> anchors() const;
    // "annex-i-": the anchor prefix of the section, else empty.
    std::string section_prefix() const;
    // "paragraph 3", "paragraphs 3-5, 7", "preambular paragraph 2", "annex I, paragraph 3".
    std::string describe() const;
};

// Parses a reference; the error string says what is wrong with it.
std::variant<Reference, std::string> parse_reference(std::string_view text);

}  // namespace verbatim
