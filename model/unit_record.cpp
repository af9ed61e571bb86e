#include "model/unit_record.h"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "model/facet_value.h"
#include "model/varint.h"

namespace verbatim {

namespace {

nlohmann::json or_null(const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }
std::string str(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Printed pages of the physical pages as runs [first physical page, its printed page,
// pages in the run]: a PDF numbered 1..n (or with an offset) is one run.
nlohmann::json page_runs(const std::vector<int>& printed) {
    nlohmann::json runs = nlohmann::json::array();
    for (size_t i = 0; i < printed.size();) {
        size_t j = i + 1;
        while (j < printed.size() && printed[j] == printed[j - 1] + 1) ++j;
        runs.push_back({i + 1, printed[i], j - i});
        i = j;
    }
    return runs;
}

std::vector<int> printed_pages_of(const nlohmann::json& runs) {
    std::vector<int> printed;
    if (!runs.is_array()) return printed;
    for (const auto& run : runs) {
        if (!run.is_array() || run.size() != 3 || !run[1].is_number_integer() || !run[2].is_number_unsigned()) continue;
        const long long printed_first = run[1].get<long long>();
        if (printed_first < 0 || printed_first > 1000000) continue;  // no printed page is numbered so
        const int first = static_cast<int>(printed_first);
        // Bounded: no PDF has 100,000 pages, and a damaged value must not take the memory.
        const size_t n = std::min<size_t>(run[2].get<size_t>(), 100000 - std::min<size_t>(printed.size(), 100000));
        for (size_t k = 0; k < n; ++k) printed.push_back(first + static_cast<int>(k));
    }
    return printed;
}

}  // namespace

nlohmann::json to_json(const DocumentMeta& d) {
    return {{"id", d.id},
            {"name", or_null(d.name)},
            {"symbol", or_null(d.symbol)},
            {"other_symbols", d.other_symbols},
            {"title", d.title},
            {"date", or_null(d.date)},
            {"type", or_null(d.type)},
            {"body", or_null(d.body)},
            {"meeting", or_null(d.meeting)},
            {"meeting_number", d.meeting_number > 0 ? nlohmann::json(d.meeting_number) : nlohmann::json()},
            {"place", or_null(d.place)},
            {"meeting_dates", or_null(d.meeting_dates)},
            {"lang", d.lang},
            {"original_language", or_null(d.original_language)},
            {"distribution", or_null(d.distribution)},
            {"job_number", or_null(d.job_number)},
            {"masthead", d.masthead},
            {"source", d.source},
            {"page_runs", page_runs(d.printed_pages)}};
}

DocumentMeta document_meta_from_json(const nlohmann::json& j) {
    DocumentMeta d;
    d.id = str(j, "id");
    d.name = str(j, "name");
    d.symbol = str(j, "symbol");
    if (auto it = j.find("other_symbols"); it != j.end() && it->is_array())
        for (const auto& s : *it) d.other_symbols.push_back(s.get<std::string>());
    d.title = str(j, "title");
    d.date = str(j, "date");
    d.type = str(j, "type");
    d.body = str(j, "body");
    d.meeting = str(j, "meeting");
    if (auto it = j.find("meeting_number"); it != j.end() && it->is_number()) d.meeting_number = it->get<int>();
    d.place = str(j, "place");
    d.meeting_dates = str(j, "meeting_dates");
    d.lang = str(j, "lang");
    d.original_language = str(j, "original_language");
    d.distribution = str(j, "distribution");
    d.job_number = str(j, "job_number");
    d.source = str(j, "source");
    if (auto it = j.find("masthead"); it != j.end() && it->is_array())
        for (const auto& s : *it)
            if (s.is_string()) d.masthead.push_back(s.get<std::string>());
    if (auto it = j.find("page_runs"); it != j.end()) d.printed_pages = printed_pages_of(*it);
    return d;
}

namespace {

// The record, version kRecordVersion: a version byte, then in this order
//   doc id, anchor, kind (byte: index in kKinds), number, label, ref, parent, part,
//   heading path, text, page_first, page_last, flags (byte: kInferred | kDraft),
//   footnotes, seq, cites, status, countries,
//   changes (each: action, delegations, text, note),
//   quotations (each: source, symbol, start, end),
//   and when flags has kOcr: the OCR confidence in thousandths (varint).
// Strings are a varint length and the bytes, lists a varint count and the items, ints
// zigzag varints, byte offsets varints: an empty string or list takes one byte.
// Any change to this layout takes a new kRecordVersion (and schema::kSchemaVersion).
constexpr uint8_t kRecordVersion = 2;  // 2: a unit's part
// The stored code of a kind is its index here, not its enum value: reordering the enum
// does not change records.
constexpr UnitKind kKinds[] = {UnitKind::heading,  UnitKind::paragraph, UnitKind::item,
                               UnitKind::recommendation, UnitKind::footnote,  UnitKind::text,
                               UnitKind::preambular, UnitKind::table};
// kOcr came after version 1 was in use: a record without it reads as before.
constexpr uint8_t kInferred = 1, kDraft = 2, kOcr = 4;

void put_list(std::string& out, const std::vector<std::string>& list) {
    put_varint(out, list.size());
    for (const std::string& s : list) put_bytes(out, s);
}

std::string read_string(ByteReader& in) { return std::string(in.bytes()); }

std::vector<std::string> read_list(ByteReader& in) {
    std::vector<std::string> list(in.count());
    for (std::string& s : list) s = read_string(in);
    return list;
}

}  // namespace

std::string serialise_unit(const std::string& doc_id, const Unit& u) {
    std::string out;
    out.reserve(32 + doc_id.size() + u.anchor.size() + u.label.size() + u.ref.size() + u.text.size());
    out += static_cast<char>(kRecordVersion);
    put_bytes(out, doc_id);
    put_bytes(out, u.anchor);
    out += static_cast<char>(std::find(std::begin(kKinds), std::end(kKinds), u.kind) - std::begin(kKinds));
    put_bytes(out, u.number);
    put_bytes(out, u.label);
    put_bytes(out, u.ref);
    put_bytes(out, u.parent);
    put_bytes(out, u.part);
    put_list(out, u.heading_path);
    put_bytes(out, u.text);
    put_signed(out, u.page_first);
    put_signed(out, u.page_last);
    out += static_cast<char>((u.number_inferred ? kInferred : 0) | (u.draft ? kDraft : 0) | (u.ocr ? kOcr : 0));
    put_list(out, u.footnotes);
    put_signed(out, u.seq);
    put_list(out, u.cites);
    put_bytes(out, u.status);
    put_list(out, u.countries);
    put_varint(out, u.changes.size());
    for (const Change& c : u.changes) {
        put_bytes(out, c.action);
        put_list(out, c.delegations);
        put_bytes(out, c.text);
        put_bytes(out, c.note);
    }
    put_varint(out, u.quotations.size());
    for (const QuotedPassage& q : u.quotations) {
        put_bytes(out, q.source);
        put_bytes(out, q.symbol);
        put_varint(out, q.start);
        put_varint(out, q.end);
    }
    if (u.ocr) put_varint(out, static_cast<uint64_t>(std::lround(std::clamp(u.ocr_confidence, 0.0, 1.0) * 1000)));
    return out;
}

std::pair<Unit, std::string> parse_unit(const std::string& data) {
    ByteReader in(data, "unit record");
    if (const uint8_t version = in.byte(); version != kRecordVersion)
        throw DecodeError("unit record of format version " + std::to_string(version) + ", this verbatim reads " +
                          std::to_string(kRecordVersion) + ": index again into a new folder");
    std::pair<Unit, std::string> r;
    r.second = read_string(in);
    Unit& u = r.first;
    u.anchor = read_string(in);
    const uint8_t kind = in.byte();
    if (kind >= std::size(kKinds)) in.fail("unknown unit kind " + std::to_string(kind));
    u.kind = kKinds[kind];
    u.number = read_string(in);
    u.label = read_string(in);
    u.ref = read_string(in);
    u.parent = read_string(in);
    u.part = read_string(in);
    u.heading_path = read_list(in);
    u.text = read_string(in);
    u.page_first = in.int_value();
    u.page_last = in.int_value();
    const uint8_t flags = in.byte();
    if (flags & ~(kInferred | kDraft | kOcr)) in.fail("unknown flags");
    u.number_inferred = flags & kInferred;
    u.draft = flags & kDraft;
    u.ocr = flags & kOcr;
    u.footnotes = read_list(in);
    u.seq = in.int_value();
    u.cites = read_list(in);
    u.status = read_string(in);
    u.countries = read_list(in);
    u.changes.resize(in.count());
    for (Change& c : u.changes) {
        c.action = read_string(in);
        c.delegations = read_list(in);
        c.text = read_string(in);
        c.note = read_string(in);
    }
    u.quotations.resize(in.count());
    for (QuotedPassage& q : u.quotations) {
        q.source = read_string(in);
        q.symbol = read_string(in);
        q.start = in.varint();
        q.end = in.varint();
    }
    if (u.ocr) {
        // Thousandths: over 1000 is damage, not a confidence (and would not be written back).
        const uint64_t thousandths = in.varint();
        if (thousandths > 1000) in.fail("OCR confidence of " + std::to_string(thousandths) + " thousandths");
        u.ocr_confidence = static_cast<double>(thousandths) / 1000;
    }
    if (!in.at_end()) in.fail("bytes after the record");
    return r;
}

std::string facets_value(const DocumentMeta& doc, const Unit& unit) {
    std::string out;
    put_facet(out, Facet::meeting, doc.meeting);
    put_facet(out, Facet::type, doc.type);
    put_facet(out, Facet::status, unit.status);
    for (const std::string& c : unit.countries) put_facet(out, Facet::country, c);
    put_facet(out, Facet::lang, doc.lang);
    return out;
}

}  // namespace verbatim
