// How human output looks on a terminal: bold, dim and colours (ANSI), only when the style
// asks for them; the text output and the reuse output share them.
#pragma once

#include <string>

namespace verbatim {

struct TextStyle {
    bool color = false;  // ANSI bold/dim: only on a terminal, and never with NO_COLOR
    bool pages = false;  // add printed pages to citations (UN practice cites paragraphs)
};

namespace ansi {
inline constexpr const char* bold = "\x1b[1m";
inline constexpr const char* dim = "\x1b[2m";
inline constexpr const char* struck_red = "\x1b[31;9m";  // words only in the earlier text
inline constexpr const char* green = "\x1b[32m";         // words only in the draft
inline constexpr const char* reset = "\x1b[0m";
}  // namespace ansi

// `text` in `code` when the style has colour, else as it is.
inline std::string styled(const std::string& text, const char* code, const TextStyle& style) {
    return style.color ? code + text + ansi::reset : text;
}

}  // namespace verbatim
