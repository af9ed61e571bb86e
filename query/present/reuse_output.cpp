#include "query/present/reuse_output.h"

#include "query/present/json_output.h"

namespace verbatim {

std::string reuse_citation(const ReuseMatch& m, bool with_pages) {
    std::string own = with_pages ? citation_with_pages(m.record) : citation_of(m.record.doc, m.record.unit);
    if (!m.quoted) return own;
    return m.quoted->source + " (quoted in " + own + ")";
}

std::string render_diff(const std::vector<DiffOp>& diff, const TextStyle& style) {
    std::string out;
    for (const DiffOp& op : diff) {
        if (!out.empty()) out += ' ';
        switch (op.kind) {
            case DiffOp::Kind::same: out += op.text; break;
            case DiffOp::Kind::inserted: out += style.color ? styled(op.text, ansi::green, style) : "{+" + op.text + "+}"; break;
            case DiffOp::Kind::removed: out += style.color ? styled(op.text, ansi::struck_red, style) : "[-" + op.text + "-]"; break;
            case DiffOp::Kind::cut: out += styled(op.text, ansi::dim, style); break;
        }
    }
    return out;
}

void print_agreed(std::ostream& out, const std::vector<ReuseMatch>& matches, const TextStyle& style, bool pages) {
    size_t rank = 0;
    for (const ReuseMatch& m : matches) {
        out << styled(std::to_string(++rank) + ". " + reuse_citation(m, pages), ansi::bold, style) << "  "
            << styled(dated(m.record.doc) + "  [" + m.status.name + "]", ansi::dim, style) << "\n";
        out << "   " << m.explanation << "\n";
        for (const SharedPassage& p : m.passages) out << "   shared: \"" << p.source_text << "\"\n";
        out << "   compare: " << render_diff(m.diff, style) << "\n\n";
    }
    out << matches.size() << (matches.size() == 1 ? " earlier text shares" : " earlier texts share")
        << " wording with the draft";
    if (!style.color) out << " ([-words only in the earlier text-] {+words only in the draft+})";
    out << "\n";
}

void print_quote_sources(std::ostream& out, const std::vector<ReuseMatch>& matches, const TextStyle& style,
                         bool pages) {
    size_t rank = 0;
    for (const ReuseMatch& m : matches) {
        out << styled(std::to_string(++rank) + ". " + reuse_citation(m, pages), ansi::bold, style) << "  "
            << styled(dated(m.record.doc), ansi::dim, style) << "  covers " << as_percent(m.coverage) << " of the quote\n";
        std::string passage;
        for (const SharedPassage& p : m.passages) passage += (passage.empty() ? "" : " … ") + p.source_text;
        out << "   \"" << passage << "\"\n";
        if (m.coverage < 0.999) out << "   compare: " << render_diff(m.diff, style) << "\n";
        out << "\n";
    }
    out << matches.size() << (matches.size() == 1 ? " possible source" : " possible sources") << "\n";
}

nlohmann::json reuse_to_json(const ReuseMatch& m) {
    nlohmann::json j = unit_to_json(m.record);
    j["citation"] = reuse_citation(m, false);
    j["unit_citation"] = citation_of(m.record.doc, m.record.unit);
    j["status"] = m.status.name;
    j["coverage"] = m.coverage;
    j["longest"] = m.longest;
    j["score"] = m.score;
    j["explanation"] = m.explanation;
    j["passages"] = nlohmann::json::array();
    for (const SharedPassage& p : m.passages) j["passages"].push_back({{"text", p.source_text}, {"words", p.words}});
    j["diff"] = nlohmann::json::array();
    for (const DiffOp& op : m.diff) j["diff"].push_back({{"op", to_string(op.kind)}, {"text", op.text}});
    j["quoted"] = m.quoted ? nlohmann::json{{"source", m.quoted->source}, {"symbol", m.quoted->symbol}} : nlohmann::json();
    return j;
}

}  // namespace verbatim
