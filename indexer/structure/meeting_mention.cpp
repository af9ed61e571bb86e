#include "indexer/structure/meeting_mention.h"

#include <algorithm>
#include <cctype>

#include <re2/re2.h>

#include "vocabulary/ascii.h"
#include "vocabulary/ordinals.h"

namespace verbatim {

namespace {

std::string text_of(const re2::StringPiece& piece) { return std::string(piece.data(), piece.size()); }

}  // namespace

std::optional<MeetingMention> find_meeting(const std::string& title, const std::vector<Unit>& units) {
    static const RE2 kMeeting(
        R"(\b([A-Za-z0-9]+) (?:meeting|session) of the ((?:Working Group|Conference|Commission|Committee)(?: (?:on|of|for|against|the|and|in|to|[A-Z][a-z]+))*)(?: was)? held in ([A-Z][a-z]+))");
    std::string haystack = title + "\n";
    for (size_t i = 0; i < units.size() && i < 60; ++i) haystack += units[i].text + "\n";
    // Every match holds " meeting of the " or " session of the " right after its first
    // word and stays on one line: the expression runs only there.
    auto word_before = [&](size_t at) {
        while (at > 0 && std::isalnum(static_cast<unsigned char>(haystack[at - 1]))) --at;
        return at;
    };
    size_t meeting_at = haystack.find(" meeting of the "), session_at = haystack.find(" session of the ");
    while (meeting_at != std::string::npos || session_at != std::string::npos) {
        const size_t at = std::min(meeting_at, session_at);
        if (at == meeting_at) meeting_at = haystack.find(" meeting of the ", at + 1);
        else session_at = haystack.find(" session of the ", at + 1);
        const size_t begin = word_before(at);
        if (begin == at) continue;
        size_t line_end = haystack.find('\n', at);
        if (line_end == std::string::npos) line_end = haystack.size();
        // The whole haystack is given so that \b sees the character before `begin`.
        re2::StringPiece groups[4];
        if (!kMeeting.Match(haystack, begin, line_end, RE2::ANCHOR_START, groups, 4)) continue;
        const std::string ordinal = text_of(groups[1]);
        const int n = vocabulary::ordinal_value(ordinal);
        if (n == 0) continue;
        MeetingMention m;
        m.number = n;
        m.body = text_of(groups[2]);
        m.meeting = vocabulary::ascii_lower(ordinal) + " meeting of the " + m.body;
        m.place = text_of(groups[3]);
        return m;
    }
    return std::nullopt;
}

std::optional<MeetingMention> held_in(const std::string& title) {
    static const RE2 kHeldIn(R"(of the ((?:Working Group|Conference|Commission|Committee)(?: [A-Za-z]+)*?) held in ([A-Z][a-z]+))");
    MeetingMention m;
    if (title.find(" held in ") == std::string::npos || !RE2::PartialMatch(title, kHeldIn, &m.body, &m.place))
        return std::nullopt;
    return m;
}

}  // namespace verbatim
