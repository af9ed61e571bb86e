#include "query/check/check.h"

#include "model/parse_number.h"

#include <algorithm>
#include <map>
#include <set>

namespace verbatim {
namespace {

// "12" -> 12; 0 for "115.37", "11bis" and anything else that is not a plain number.
int plain_number(const std::string& s) { return parse_number<int>(s, 1, 99999).value_or(0); }

std::string list(const std::vector<std::string>& items, size_t max = 8) {
    std::string out;
    for (size_t i = 0; i < items.size() && i < max; ++i) out += (i ? ", " : "") + items[i];
    if (items.size() > max) out += " and " + std::to_string(items.size() - max) + " more";
    return out;
}

std::string ranges(std::vector<int> numbers) {
    std::sort(numbers.begin(), numbers.end());
    std::vector<std::string> parts;
    for (size_t i = 0; i < numbers.size();) {
        size_t j = i;
        while (j + 1 < numbers.size() && numbers[j + 1] == numbers[j] + 1) ++j;
        parts.push_back(j == i ? std::to_string(numbers[i]) : std::to_string(numbers[i]) + "-" + std::to_string(numbers[j]));
        i = j + 1;
    }
    return list(parts, 12);
}

void check_numbering(const std::vector<Unit>& units, std::vector<Finding>& out) {
    // Paragraph numbers per part, in document order.
    std::vector<std::string> parts;
    std::map<std::string, std::vector<int>> numbers;
    std::vector<std::string> inferred;
    for (const Unit& u : units) {
        if (u.kind != UnitKind::paragraph) continue;
        if (u.number_inferred) inferred.push_back(u.ref);
        const int n = plain_number(u.number);
        if (n == 0) continue;
        if (!numbers.count(u.part)) parts.push_back(u.part);
        numbers[u.part].push_back(n);
    }
    for (const std::string& part : parts) {
        const std::vector<int>& seq = numbers[part];
        const std::string where = part.empty() ? "" : " in " + part;
        std::set<int> seen;
        std::vector<int> repeats, gaps;
        std::set<int> repeated;
        for (int n : seq)
            if (!seen.insert(n).second) repeated.insert(n);
        repeats.assign(repeated.begin(), repeated.end());
        for (int n = *seen.begin() + 1; n < *seen.rbegin(); ++n)
            if (!seen.count(n)) gaps.push_back(n);
        if (*seen.begin() > 1)
            out.push_back({"gap", "numbered paragraphs" + where + " start at " + std::to_string(*seen.begin()) +
                                      ": paragraphs before it were not read as numbered"});
        if (!gaps.empty())
            out.push_back({"gap", "paragraph numbers missing" + where + ": " + ranges(gaps) +
                                      " (look at the text around them in the original)"});
        if (!repeats.empty())
            out.push_back({"repeat", "paragraph numbers read twice" + where + ": " + ranges(repeats) +
                                         " (a list quoted inside a paragraph, or a misread number)"});
    }
    if (parts.size() > 1 || (parts.size() == 1 && !parts.front().empty())) {
        std::vector<std::string> named;
        for (const std::string& p : parts)
            if (!p.empty()) named.push_back(p);
        out.push_back({"restart", "numbering restarts in " + list(named) + ": those paragraphs are cited with their part ("
                                      + named.front() + ", para. 1)"});
    }
    if (!inferred.empty())
        out.push_back({"inferred", "numbers restored from the sequence, not printed in the text: " + list(inferred)});
}

void check_extent(const DocumentMeta& doc, const std::vector<Unit>& units, std::vector<Finding>& out) {
    std::vector<std::string> long_units;
    std::set<int> pages;
    int last_page = 0;
    for (const Unit& u : units) {
        if (u.page_first > 0) {
            for (int p = u.page_first; p <= std::max(u.page_first, u.page_last) && p - u.page_first < 1000; ++p)
                pages.insert(p);
            last_page = std::max(last_page, std::max(u.page_first, u.page_last));
        }
        const bool spans = u.page_first > 0 && u.page_last > u.page_first + 1;
        if (u.kind != UnitKind::table && (spans || u.text.size() > 6000))
            long_units.push_back(u.ref.empty() ? u.label : u.ref);
    }
    if (!long_units.empty())
        out.push_back({"long", "units longer than a page (check where they begin and end): " + list(long_units)});
    std::vector<int> empty_pages;
    const int first = pages.empty() ? 0 : *pages.begin();
    for (int p = first; p > 0 && p < last_page && p - first < 10000; ++p)  // a misread counter can be huge
        if (!pages.count(p)) empty_pages.push_back(p);
    if (!empty_pages.empty())
        out.push_back({"no-text", "no unit comes from page" + std::string(empty_pages.size() > 1 ? "s " : " ") +
                                      ranges(empty_pages) + " (a figure, a scan without text, or text not read)"});
    (void)doc;
}

void check_content(const DocumentMeta& doc, const std::vector<Unit>& units, std::vector<Finding>& out) {
    std::vector<std::string> tables, furniture;
    int ocr = 0;
    double lowest = 1.0;
    for (const Unit& u : units) {
        const std::string ref = u.ref.empty() ? u.label : u.ref;
        if (u.ocr) {
            ++ocr;
            lowest = std::min(lowest, static_cast<double>(u.ocr_confidence));
        }
        if (u.kind == UnitKind::table) tables.push_back(ref);
        // The document's own symbol on a line of its own, or its job number: a running
        // header or footer kept in the text.
        const bool job = !doc.job_number.empty() && u.text.find(doc.job_number) != std::string::npos;
        bool symbol_line = false;
        if (!doc.symbol.empty())
            for (size_t at = u.text.find(doc.symbol); at != std::string::npos; at = u.text.find(doc.symbol, at + 1)) {
                const size_t end = at + doc.symbol.size();
                if ((at == 0 || u.text[at - 1] == '\n') && (end == u.text.size() || u.text[end] == '\n') &&
                    u.text.size() > doc.symbol.size())
                    symbol_line = true;
            }
        if (job || symbol_line) furniture.push_back(ref);
    }
    if (!tables.empty())
        out.push_back({"table", std::to_string(tables.size()) + " table" + (tables.size() > 1 ? "s" : "") +
                                    ", read row by row (check cells that span columns or rows): " + list(tables)});
    if (ocr > 0)
        out.push_back({"ocr", std::to_string(ocr) + " unit" + (ocr > 1 ? "s" : "") + " read by OCR from scanned pages (lowest confidence " +
                                  std::to_string(static_cast<int>(lowest * 100 + 0.5)) + " %): check citations against the scan"});
    if (!furniture.empty())
        out.push_back({"furniture", "units holding what looks like a page header or footer (the symbol or job number): " +
                                        list(furniture)});
}

}  // namespace

DocumentCheck check_document(const DocumentMeta& doc, const std::vector<Unit>& units) {
    DocumentCheck check;
    check.doc_id = doc.id;
    check.reference = document_reference(doc);
    check.units = static_cast<int>(units.size());
    if (units.empty()) check.findings.push_back({"no-text", "no unit was read from this document"});
    check_numbering(units, check.findings);
    check_extent(doc, units, check.findings);
    check_content(doc, units, check.findings);
    return check;
}

}  // namespace verbatim
