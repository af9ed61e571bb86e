#include "fetch/document_check.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace verbatim::fetch {

namespace {

bool looks_like_html(std::string_view body) {
    std::string head;
    for (char c : body.substr(0, 512)) head += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return head.find("<!doctype html") != std::string::npos || head.find("<html") != std::string::npos ||
           head.find("<head") != std::string::npos || head.find("<body") != std::string::npos;
}

std::string what_it_is(std::string_view body, const char* wanted) {
    if (looks_like_html(body)) return std::string("an HTML page, not a ") + wanted;
    if (body.size() < kMinDocumentBytes) return "a " + std::to_string(body.size()) + "-byte stub, not a " + wanted;
    return std::string("not a ") + wanted + " (" + std::to_string(body.size()) + " bytes of something else)";
}

uint32_t le16(std::string_view s, size_t at) {
    return static_cast<uint32_t>(static_cast<unsigned char>(s[at])) |
           static_cast<uint32_t>(static_cast<unsigned char>(s[at + 1])) << 8;
}
uint32_t le32(std::string_view s, size_t at) { return le16(s, at) | le16(s, at + 2) << 16; }

BodyCheck check_pdf(std::string_view body) {
    const size_t header = body.substr(0, 1024).find("%PDF-");
    if (header == std::string_view::npos || body.size() < kMinDocumentBytes) return {BodyVerdict::not_found, what_it_is(body, "PDF")};
    const size_t tail_from = body.size() > 1024 ? body.size() - 1024 : 0;
    if (body.substr(tail_from).find("%%EOF") == std::string_view::npos)
        return {BodyVerdict::truncated, "truncated: a PDF without its end marker (%%EOF), " + std::to_string(body.size()) + " bytes"};
    return {BodyVerdict::document, ""};
}

BodyCheck check_docx(std::string_view body) {
    if (!body.starts_with(std::string_view("PK\x03\x04", 4)) || body.size() < kMinDocumentBytes)
        return {BodyVerdict::not_found, what_it_is(body, "DOCX")};
    // The end-of-central-directory record: 22 bytes plus a comment of at most 65535.
    const size_t search_from = body.size() > 22 + 65535 ? body.size() - 22 - 65535 : 0;
    const size_t eocd = body.rfind(std::string_view("PK\x05\x06", 4));
    if (eocd == std::string_view::npos || eocd < search_from || eocd + 22 > body.size())
        return {BodyVerdict::truncated, "truncated: a zip without its central directory, " + std::to_string(body.size()) + " bytes"};
    const uint32_t entries = le16(body, eocd + 10), size = le32(body, eocd + 12), offset = le32(body, eocd + 16);
    if (static_cast<uint64_t>(offset) + size > eocd)
        return {BodyVerdict::truncated, "truncated: the zip's central directory is cut"};
    size_t at = offset;
    for (uint32_t i = 0; i < entries && at + 46 <= eocd; ++i) {
        if (le32(body, at) != 0x02014b50) break;
        const uint32_t name_len = le16(body, at + 28), extra_len = le16(body, at + 30), comment_len = le16(body, at + 32);
        if (at + 46 + name_len > eocd) break;
        if (body.substr(at + 46, name_len) == "word/document.xml") return {BodyVerdict::document, ""};
        at += 46 + name_len + extra_len + comment_len;
    }
    return {BodyVerdict::not_found, "a zip without word/document.xml, not a DOCX"};
}

}  // namespace

const char* format_name(Format format) { return format == Format::pdf ? "pdf" : "docx"; }

BodyCheck check_body(std::string_view body, Format format) {
    return format == Format::pdf ? check_pdf(body) : check_docx(body);
}

}  // namespace verbatim::fetch
