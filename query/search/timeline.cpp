#include "query/search/timeline.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace verbatim {

const char* to_string(TimelineBy by) {
    switch (by) {
        case TimelineBy::meeting: return "meeting";
        case TimelineBy::year: return "year";
        case TimelineBy::type: return "type";
    }
    return "meeting";
}

std::map<std::string, std::string> meeting_filters(const std::vector<DocumentMeta>& documents) {
    std::map<std::string, std::set<std::pair<int, std::string>>> meetings;
    for (const DocumentMeta& d : documents)
        if (!d.meeting.empty()) meetings[d.meeting].emplace(d.meeting_number, d.body);
    std::map<std::string, std::string> filters;
    for (const auto& [meeting, ids] : meetings) {
        if (ids.size() != 1 || ids.begin()->first <= 0) continue;
        std::string body = ids.begin()->second;
        body.erase(std::remove(body.begin(), body.end(), '"'), body.end());
        filters[meeting] = "meeting:" + std::to_string(ids.begin()->first) + (body.empty() ? "" : " body:\"" + body + "\"");
    }
    return filters;
}

std::vector<TimelineBar> timeline(const Facets& facets, TimelineBy by, const std::vector<DocumentMeta>& documents) {
    std::vector<TimelineBar> bars;
    auto it = facets.find(to_string(by));
    if (it == facets.end()) return bars;
    // The earliest date of each value among the documents (a year is its own date).
    std::map<std::string, std::string> first;
    if (by != TimelineBy::year) {
        for (const DocumentMeta& d : documents) {
            const std::string& value = by == TimelineBy::meeting ? d.meeting : d.type;
            if (value.empty() || d.date.empty()) continue;
            auto [at, added] = first.emplace(value, d.date);
            if (!added && d.date < at->second) at->second = d.date;
        }
    }
    // A meeting by its number and body: the tenth meeting of one body is not the tenth
    // session of another.
    const std::map<std::string, std::string> meetings =
        by == TimelineBy::meeting ? meeting_filters(documents) : std::map<std::string, std::string>();
    for (const auto& [value, count] : it->second) {
        TimelineBar bar{value, by == TimelineBy::year ? value : "", count, ""};
        if (auto f = first.find(value); f != first.end()) bar.first_date = f->second;
        if (by == TimelineBy::year) bar.filter = "year:" + value;
        else if (by == TimelineBy::type) bar.filter = "type:" + value;
        else if (auto m = meetings.find(value); m != meetings.end()) bar.filter = m->second;
        bars.push_back(std::move(bar));
    }
    std::sort(bars.begin(), bars.end(), [](const TimelineBar& a, const TimelineBar& b) {
        if (a.first_date.empty() != b.first_date.empty()) return b.first_date.empty();
        if (a.first_date != b.first_date) return a.first_date < b.first_date;
        return a.value < b.value;
    });
    return bars;
}

}  // namespace verbatim
