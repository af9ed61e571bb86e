#include "fetch/citations.h"

#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "fetch/symbols.h"
#include "model/unit_record.h"
#include "vocabulary/ascii.h"
#include "model/schema.h"
#include "model/varint.h"

namespace verbatim::fetch {

namespace {

// The citing text's spelling of a cited symbol known by its lower-cased term: terms are
// folded, but ODS and file names want "A/RES/74/176", not "a/res/74/176".
std::string spelled_symbol(const Xapian::Database& db, const std::string& term, const std::string& folded) {
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        try {
            const Unit unit = parse_unit(db.get_document(*it).get_data()).first;
            for (const std::string& cited : unit.cites)
                if (vocabulary::ascii_lower(cited) == folded) return cited;
        } catch (const DecodeError&) {
            // A damaged record: try the next unit that cites it.
        }
    }
    return "";
}

}  // namespace

std::vector<FetchTarget> cited_not_indexed(const std::string& db_path, const std::vector<std::string>& languages) {
    Xapian::Database db(db_path);
    const std::string prefix = schema::kCites;
    std::vector<FetchTarget> targets;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        const std::string term = *it;
        const std::string folded = term.substr(prefix.size());
        const std::string symbol_term = schema::kSymbol + folded;
        std::vector<std::string> missing;
        for (const std::string& lang : languages) {
            Xapian::Enquire enquire(db);
            enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(symbol_term),
                                            Xapian::Query(schema::kLang + lang)));
            if (enquire.get_mset(0, 1).empty()) missing.push_back(lang);
        }
        if (missing.empty()) continue;
        const std::string symbol = spelled_symbol(db, term, folded);
        if (symbol.empty() || !looks_like_symbol(symbol)) continue;
        for (const std::string& lang : missing) targets.push_back({symbol, lang});
    }
    std::sort(targets.begin(), targets.end(), [](const FetchTarget& a, const FetchTarget& b) {
        return a.symbol != b.symbol ? a.symbol < b.symbol : a.lang < b.lang;
    });
    return targets;
}

}  // namespace verbatim::fetch
