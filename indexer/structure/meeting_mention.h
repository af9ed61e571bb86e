// The meeting a document reports on, as its title or first paragraphs state it: "The
// tenth meeting of the Working Group on Trafficking in Persons was held in Vienna", or a
// title "... of the Working Group ... held in Vienna". A step of read_document_meta
// (title_block.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/document.h"

namespace verbatim {

struct MeetingMention {
    int number = 0;       // 10
    std::string meeting;  // "tenth meeting of the Working Group on Trafficking in Persons"
    std::string body;     // "Working Group on Trafficking in Persons"
    std::string place;    // "Vienna"
};

// The first "<ordinal> meeting|session of the <body> [was] held in <Place>" in the title
// or the first 60 units; nullopt when none.
std::optional<MeetingMention> find_meeting(const std::string& title, const std::vector<Unit>& units);

// "... of the <body> held in <Place>" in a title: the body and place (meeting unset).
std::optional<MeetingMention> held_in(const std::string& title);

}  // namespace verbatim
