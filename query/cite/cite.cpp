#include "query/cite/cite.h"

#include <algorithm>

#include "model/schema.h"
#include "query/cite/reference.h"

namespace verbatim {

namespace {

// "1-11, 13, 15-37" from numbers in order; suffixed numbers ("11bis") listed as they are.
std::string compact_ranges(const std::vector<std::string>& numbers) {
    std::string out;
    auto flush = [&](int from, int to) {
        if (!out.empty()) out += ", ";
        out += from == to ? std::to_string(from) : std::to_string(from) + "-" + std::to_string(to);
    };
    int from = -1, to = -1;
    for (const std::string& n : numbers) {
        bool plain = !n.empty() && n.find_first_not_of("0123456789") == std::string::npos;
        if (plain) {
            int v = std::stoi(n);
            if (from >= 0 && v == to + 1) {
                to = v;
                continue;
            }
            if (from >= 0) flush(from, to);
            from = to = v;
            continue;
        }
        if (from >= 0) flush(from, to), from = -1;
        out += (out.empty() ? "" : ", ") + n;
    }
    if (from >= 0) flush(from, to);
    return out;
}

std::string closest_documents(const Searcher& searcher, const std::string& wanted) {
    std::vector<std::pair<size_t, std::string>> scored;
    std::string w = wanted;
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const DocumentMeta& d : searcher.documents()) {
        std::string name = !d.symbol.empty() ? d.symbol : !d.name.empty() ? d.name : d.id;
        std::string n = name;
        for (char& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        size_t common = 0;
        while (common < n.size() && common < w.size() && n[common] == w[common]) ++common;
        scored.emplace_back(common, name);
    }
    std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    std::string out;
    for (size_t i = 0; i < scored.size() && i < 5; ++i) out += (i ? ", " : "") + scored[i].second;
    return out;
}

}  // namespace

std::string describe_units(const std::vector<UnitRecord>& units) {
    std::vector<std::string> paragraphs, recommendations, footnotes;
    size_t text = 0;
    for (const UnitRecord& r : units) {
        switch (r.unit.kind) {
            case UnitKind::paragraph: paragraphs.push_back(r.unit.number); break;
            case UnitKind::recommendation: recommendations.push_back(r.unit.number); break;
            case UnitKind::footnote: footnotes.push_back(r.unit.number); break;
            case UnitKind::text: ++text; break;
            default: break;
        }
    }
    std::string out;
    auto add = [&](const char* what, const std::vector<std::string>& numbers) {
        if (numbers.empty()) return;
        out += (out.empty() ? "" : "; ") + std::string(what) + " " + compact_ranges(numbers);
    };
    add("paragraphs", paragraphs);
    add("recommendations", recommendations);
    add("footnotes", footnotes);
    if (text > 0) out += (out.empty() ? "" : "; ") + std::string("unnumbered paragraphs [1]-[") + std::to_string(text) + "]";
    return out.empty() ? "no citable units" : out;
}

CiteResult cite(const Searcher& searcher, const std::string& reference) {
    auto parsed = parse_reference(reference);
    if (auto* error = std::get_if<std::string>(&parsed)) throw CiteError(*error);
    const Reference& ref = std::get<Reference>(parsed);

    std::optional<DocumentMeta> doc = searcher.find_document(ref.document);
    if (!doc) {
        std::string known = closest_documents(searcher, ref.document);
        throw CiteError("no document '" + ref.document + "' in the index" +
                        (known.empty() ? std::string("; it is empty: run `verbatim index` first")
                                       : "; documents it holds include: " + known));
    }
    CiteResult result;
    result.doc = *doc;
    std::vector<UnitRecord> all = searcher.document_units(doc->id);
    if (ref.part == Reference::Part::document) {
        result.units = std::move(all);
        return result;
    }
    auto find = [&](const std::string& anchor) -> const UnitRecord* {
        for (const UnitRecord& r : all)
            if (r.unit.anchor == anchor) return &r;
        return nullptr;
    };
    std::vector<std::string> missing;
    for (const std::string& anchor : ref.anchors()) {
        const UnitRecord* r = find(anchor);
        // An unnumbered paragraph is cited by its place: "para. [3]".
        if (!r && anchor.rfind("para-", 0) == 0) r = find("text-" + anchor.substr(5));
        if (r) result.units.push_back(*r);
        else missing.push_back(anchor);
    }
    if (result.units.empty() || (!missing.empty() && ref.last.empty())) {
        std::string what = ref.part == Reference::Part::paragraph        ? "paragraph"
                           : ref.part == Reference::Part::recommendation ? (ref.draft ? "draft recommendation" : "recommendation")
                                                                         : "footnote";
        std::string name = what + " " + ref.number;
        for (const std::string& item : ref.items) name += " (" + item + ")";
        if (!ref.last.empty()) name = what + "s " + ref.number + "-" + ref.last;
        throw CiteError(document_reference(*doc) + " has no " + name + "; it has " + describe_units(all));
    }
    return result;
}

std::vector<CitingUnit> cited_by(Searcher& searcher, const std::string& symbol) {
    std::string key = symbol;
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    Xapian::Database& db = searcher.database();
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(schema::key(schema::kCites, key)));
    Xapian::MultiValueKeyMaker order;
    order.add_value(schema::kDateSlot);
    order.add_value(schema::kDocSlot);
    order.add_value(schema::kSeqSlot);
    // Over remote shards Xapian 1.4 has no KeyMaker sort: the same order is made here.
    if (!searcher.has_remote()) enquire.set_sort_by_key(&order, false);
    Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    std::vector<Xapian::MSetIterator> ordered;
    if (searcher.has_remote()) ordered = in_date_order(mset, false);
    else
        for (auto it = mset.begin(); it != mset.end(); ++it) ordered.push_back(it);
    std::vector<CitingUnit> out;
    for (const Xapian::MSetIterator& it : ordered) {
        CitingUnit c;
        c.record = searcher.record_of(it.get_document());
        const std::string& text = c.record.unit.text;
        std::string lower = text;
        for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        size_t at = lower.find(key);
        if (at == std::string::npos) at = 0;
        size_t from = at > 80 ? text.rfind(' ', at - 80) : 0;
        from = from == std::string::npos ? 0 : from;
        size_t to = std::min(text.size(), at + key.size() + 160);
        if (to < text.size()) to = text.rfind(' ', to);
        c.context = (from > 0 ? "\u2026" : "") + text.substr(from, to - from) + (to < text.size() ? "\u2026" : "");
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace verbatim
