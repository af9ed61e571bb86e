#include "query/search/query_fields.h"

#include <algorithm>
#include <cctype>

#include "vocabulary/countries.h"
#include "vocabulary/ordinals.h"
#include "vocabulary/text.h"
#include "vocabulary/ascii.h"
#include "model/document.h"
#include "model/parse_number.h"
#include "model/schema.h"
#include "query/search/query_parser.h"

namespace verbatim {

const std::vector<QueryField>& query_fields() {
    static const std::vector<QueryField> kFields{
        {"symbol", "document symbol, e.g. symbol:CTOC/COP/WG.4/2020/4, or a prefix: symbol:CTOC/COP/WG.4/*"},
        {"doc", "document by id, file name or manifest name, any letter case, e.g. doc:chair-speaking-notes-2020, doc:AFG_70_2015"},
        {"year", "year of the document, e.g. year:2019"},
        {"date", "date range, e.g. date:2019-01-01..2020-12-31, date:2019..2020, date:2020-09, date:..2019"},
        {"meeting", "meeting by number or name, e.g. meeting:10, meeting:\"tenth meeting\""},
        {"body", "the body that met, e.g. body:\"Working Group on Trafficking in Persons\""},
        {"type", "type of document: report, draft, crp, statement, resolution"},
        {"kind", "kind of unit: paragraph, item, recommendation, footnote, heading, text"},
        {"status", "status of a recommendation: adopted, agreed, pending, draft, proposed"},
        {"country", "a delegation that proposed changes or is named, e.g. country:Canada, country:UK"},
        {"lang", "language of the document, e.g. lang:fr"},
        {"cites", "units that refer to a document, e.g. cites:A/RES/74/176"},
    };
    return kFields;
}

bool is_query_field(const std::string& name) {
    const auto& fields = query_fields();
    return std::any_of(fields.begin(), fields.end(), [&](const QueryField& f) { return f.name == name; });
}

namespace {

// "2019", "2019-09", "2019-09-30" -> "20190930"-style bounds; empty when malformed.
std::string date_bound(const std::string& s, bool upper) {
    if (s.empty()) return upper ? "99991231" : "00000000";
    std::string digits;
    for (char c : s)
        if (c != '-') digits += c;
    if (!vocabulary::all_digits(digits)) return {};
    // A month or day that no calendar has (2020-13-45) is a mistake, not an empty range.
    const int month = digits.size() >= 6 ? std::stoi(digits.substr(4, 2)) : 1;
    const int day = digits.size() == 8 ? std::stoi(digits.substr(6, 2)) : 1;
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return {};
    if (digits.size() == 4) return digits + (upper ? "1231" : "0101");
    if (digits.size() == 6) return digits + (upper ? "31" : "01");
    if (digits.size() == 8) return digits;
    return {};
}

}  // namespace

Xapian::Query field_query(const std::string& name, const std::string& value, size_t column) {
    const std::string l = vocabulary::ascii_lower(value);
    auto bad = [&](const std::string& why) {
        return QueryError("'" + name + ":" + value + "' at column " + std::to_string(column) + ": " + why, column);
    };
    if (name == "symbol") {
        // "CTOC/COP/WG.4/*": every symbol that starts so.
        if (!l.empty() && l.back() == '*')
            return Xapian::Query(Xapian::Query::OP_WILDCARD, schema::kSymbol + l.substr(0, std::min<size_t>(l.size() - 1, 160)));
        return Xapian::Query(schema::key(schema::kSymbol, l));
    }
    if (name == "doc") {
        // "doc:AFG_70_2015" names its language versions too (ids are "<name>.<lang>").
        std::vector<Xapian::Query> any{Xapian::Query(schema::key(schema::kName, l)),
                                       Xapian::Query(schema::key(schema::kDocId, l))};
        if (l.find('.') == std::string::npos || l.size() - l.rfind('.') > 4)
            for (const char* lang : {"en", "fr", "es", "ru", "ar", "zh", "de", "pt", "it", "und"})
                any.emplace_back(schema::key(schema::kDocId, l + "." + lang));
        return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
    }
    if (name == "year") {
        if (l.size() != 4 || !vocabulary::all_digits(l)) throw bad("a year has four digits, e.g. year:2019");
        return Xapian::Query(schema::kYear + l);
    }
    if (name == "date") {
        size_t dots = l.find("..");
        std::string from = dots == std::string::npos ? l : l.substr(0, dots);
        std::string to = dots == std::string::npos ? l : l.substr(dots + 2);
        std::string lo = date_bound(from, false), hi = date_bound(to, true);
        if (lo.empty() || hi.empty())
            throw bad("give dates as YYYY, YYYY-MM or YYYY-MM-DD, a range as FROM..TO, e.g. date:2019-01-01..2020-12-31");
        if (lo > hi) throw bad("the range runs backwards");
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, lo, hi);
    }
    if (name == "meeting") {
        // "10", "tenth", "tenth meeting", "10th"
        std::string first = l.substr(0, l.find(' '));
        // Beyond 4 digits no meeting exists (and 20 digits overflow: fuzzing).
        int n = vocabulary::all_digits(first) ? parse_number<int>(first, 0, 9999).value_or(0) : vocabulary::ordinal_value(first);
        if (n <= 0) throw bad("give the meeting's number or ordinal, e.g. meeting:10 or meeting:\"tenth meeting\"");
        return Xapian::Query(schema::kMeeting + std::to_string(n));
    }
    if (name == "body") return Xapian::Query(schema::key(schema::kBody, l));
    if (name == "type") {
        static const std::vector<std::string> kTypes{"report", "draft", "crp", "statement", "resolution", "other"};
        if (std::find(kTypes.begin(), kTypes.end(), l) == kTypes.end())
            throw bad("the types are report, draft, crp, statement, resolution, other");
        return Xapian::Query(schema::key(schema::kType, l));
    }
    if (name == "kind") {
        std::string k = l == "para" ? "paragraph" : l == "rec" ? "recommendation" : l == "fn" ? "footnote" : l;
        if (!unit_kind_from_string(k))
            throw bad("the kinds are paragraph, preambular, item, recommendation, footnote, table, heading, text");
        return Xapian::Query(schema::kKind + k);
    }
    if (name == "status") {
        static const std::vector<std::string> kStatuses{"adopted", "agreed", "agreed as amended", "pending", "draft",
                                                        "proposed"};
        std::string s = l == "agreed-as-amended" ? "agreed as amended" : l;
        if (std::find(kStatuses.begin(), kStatuses.end(), s) == kStatuses.end())
            throw bad("the statuses are adopted, agreed, \"agreed as amended\", pending, draft, proposed");
        return Xapian::Query(schema::key(schema::kStatus, s));
    }
    if (name == "country") {
        std::string canonical = vocabulary::canonical_country(value);
        // Observers and organisations that are not in the country table are matched as written.
        return Xapian::Query(schema::key(schema::kCountry, vocabulary::ascii_lower(canonical.empty() ? value : canonical)));
    }
    if (name == "cites") return Xapian::Query(schema::key(schema::kCites, l));
    if (name == "lang") return Xapian::Query(schema::key(schema::kLang, l));
    throw bad("unsupported field");
}

}  // namespace verbatim
