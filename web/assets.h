// The page's files (page.html, app.js, style.css), compiled into the binary by
// web/embed.cmake so `verbatim serve` needs nothing beside itself.
#pragma once

#include <string_view>

namespace verbatim::web {

// The content of an embedded file by name ("app.js"); empty when there is none.
std::string_view asset(std::string_view name);

}  // namespace verbatim::web
