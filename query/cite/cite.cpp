#include "query/cite/cite.h"

#include <algorithm>
#include <charconv>

#include "vocabulary/ascii.h"
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
            int v = 0;
            if (n.size() > 9) {  // beyond an int: listed as it is
                if (from >= 0) flush(from, to), from = -1;
                out += (out.empty() ? "" : ", ") + n;
                continue;
            }
            std::from_chars(n.data(), n.data() + n.size(), v);
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
    const std::string w = vocabulary::ascii_lower(wanted);
    for (const DocumentMeta& d : searcher.documents()) {
        std::string name = !d.symbol.empty() ? d.symbol : !d.name.empty() ? d.name : d.id;
        const std::string n = vocabulary::ascii_lower(name);
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
    // Per part, in document order: "paragraphs 1-12; annex I: paragraphs 1-4".
    std::vector<std::string> parts;
    for (const UnitRecord& r : units)
        if (std::find(parts.begin(), parts.end(), r.unit.part) == parts.end()) parts.push_back(r.unit.part);
    std::string out;
    for (const std::string& part : parts) {
        std::vector<std::string> paragraphs, preambular, recommendations, footnotes, tables;
        size_t text = 0;
        for (const UnitRecord& r : units) {
            if (r.unit.part != part) continue;
            switch (r.unit.kind) {
                case UnitKind::paragraph: paragraphs.push_back(r.unit.number); break;
                case UnitKind::preambular: preambular.push_back(r.unit.number); break;
                case UnitKind::recommendation: recommendations.push_back(r.unit.number); break;
                case UnitKind::footnote: footnotes.push_back(r.unit.number); break;
                case UnitKind::table: tables.push_back(r.unit.number); break;
                case UnitKind::text: ++text; break;
                default: break;
            }
        }
        std::string here;
        auto add = [&](const char* what, const std::vector<std::string>& numbers) {
            if (numbers.empty()) return;
            here += (here.empty() ? "" : "; ") + std::string(what) + " " + compact_ranges(numbers);
        };
        add("preambular paragraphs", preambular);
        add("paragraphs", paragraphs);
        add("recommendations", recommendations);
        add("tables", tables);
        add("footnotes", footnotes);
        if (text > 0) here += (here.empty() ? "" : "; ") + std::string("unnumbered paragraphs [1]-[") + std::to_string(text) + "]";
        if (here.empty()) continue;
        out += (out.empty() ? "" : "; ") + (part.empty() ? here : part + ": " + here);
    }
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
    if (ref.part == Reference::Part::page) {
        // "p. 5": the units printed on that page, a paragraph running on to it included.
        for (const Reference::Entry& e : ref.entries) {
            int from = 0, to = 0;
            std::from_chars(e.number.data(), e.number.data() + e.number.size(), from);
            to = from;
            if (!e.last.empty()) std::from_chars(e.last.data(), e.last.data() + e.last.size(), to);
            for (const UnitRecord& r : all) {
                const int last = std::max(r.unit.page_first, r.unit.page_last);
                if (r.unit.page_first > 0 && r.unit.page_first <= to && last >= from &&
                    std::none_of(result.units.begin(), result.units.end(),
                                 [&](const UnitRecord& u) { return u.unit.anchor == r.unit.anchor; }))
                    result.units.push_back(r);
            }
        }
        if (result.units.empty()) {
            int pages = 0;
            for (const UnitRecord& r : all) pages = std::max({pages, r.unit.page_first, r.unit.page_last});
            throw CiteError(document_reference(*doc) + " has no " + ref.describe() + "; " +
                            (pages > 0 ? "its pages are 1-" + std::to_string(pages)
                                       : std::string("its pages are not known")));
        }
        return result;
    }
    auto find = [&](const std::string& anchor) -> const UnitRecord* {
        for (const UnitRecord& r : all)
            if (r.unit.anchor == anchor) return &r;
        return nullptr;
    };
    bool single_missing = false;  // a number named on its own (not in a range) that is not there
    for (const Reference::Entry& e : ref.entries) {
        Reference one = ref;
        one.entries = {e};
        for (const std::string& anchor : one.anchors()) {
            const UnitRecord* r = find(anchor);
            // An unnumbered paragraph is cited by its place: "para. [3]".
            if (!r && ref.section.empty() && anchor.rfind("para-", 0) == 0) r = find("text-" + anchor.substr(5));
            if (r) {
                if (std::none_of(result.units.begin(), result.units.end(),
                                 [&](const UnitRecord& u) { return u.unit.anchor == r->unit.anchor; }))
                    result.units.push_back(*r);
            } else if (e.last.empty()) {
                single_missing = true;
            }
        }
    }
    if (result.units.empty() || single_missing)
        throw CiteError(document_reference(*doc) + " has no " + ref.describe() + "; it has " + describe_units(all));
    return result;
}

std::vector<CitingUnit> cited_by(Searcher& searcher, const std::string& symbol) {
    const std::string key = vocabulary::ascii_lower(symbol);
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
        const std::string lower = vocabulary::ascii_lower(text);
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
