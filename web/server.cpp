#include "web/server.h"

#include <httplib.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "vocabulary/ascii.h"
#include "query/cite/cite.h"
#include "query/cite/reference.h"
#include "query/present/json_output.h"
#include "query/present/reuse_output.h"
#include "query/reuse/reuse.h"
#include "query/search/searcher.h"
#include "query/search/stats.h"
#include "query/search/timeline.h"
#include "model/schema.h"
#include "vocabulary/text.h"
#include "web/assets.h"

namespace verbatim::web {

namespace {

using nlohmann::json;

// An answer that is not 200: the status and the message the CLI would print.
struct HttpError {
    int status;
    std::string message;
};

void send_json(httplib::Response& res, const json& body, int status = 200) {
    res.status = status;
    // Invalid UTF-8 in a stored text must not make the whole answer fail.
    res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, const HttpError& e) { send_json(res, json{{"error", e.message}}, e.status); }

// A query Xapian cannot parse is the caller's mistake: a 400 that names it.
SearchResult search_or_400(Searcher& searcher, const SearchOptions& o) {
    try {
        return searcher.search(o);
    } catch (const QueryError& e) {
        throw HttpError{400, "bad query '" + o.query + "': " + e.what()};
    }
}

// Xapian::Database is not thread-safe: each request leases a Searcher of its own from
// this pool and gives it back; the pool grows to the number of requests in flight.
class SearcherPool {
  public:
    SearcherPool(std::filesystem::path db, ShardPolicy shards) : db_(std::move(db)), shards_(std::move(shards)) {}

    class Lease {
      public:
        Lease(SearcherPool& pool, std::unique_ptr<Searcher> s) : pool_(pool), searcher_(std::move(s)) {}
        ~Lease() { pool_.give_back(std::move(searcher_)); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Searcher& operator*() { return *searcher_; }
        Searcher* operator->() { return searcher_.get(); }

      private:
        SearcherPool& pool_;
        std::unique_ptr<Searcher> searcher_;
    };

    Lease take() {
        std::unique_ptr<Searcher> s;
        {
            std::lock_guard lock(mutex_);
            if (!idle_.empty()) {
                s = std::move(idle_.back());
                idle_.pop_back();
            }
        }
        if (s) s->reopen();  // `verbatim index` may have committed since: answer from the latest revision
        else s = std::make_unique<Searcher>(db_, shards_);
        return Lease(*this, std::move(s));
    }

  private:
    void give_back(std::unique_ptr<Searcher> s) {
        if (!s) return;
        std::lock_guard lock(mutex_);
        idle_.push_back(std::move(s));
    }

    std::filesystem::path db_;
    ShardPolicy shards_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<Searcher>> idle_;
};

// Reading request parameters, with the limits applied.
class Params {
  public:
    Params(const httplib::Request& req, const Limits& limits) : req_(req), limits_(limits) {}

    std::string text(const std::string& name, const char* what) const {
        std::string value = req_.get_param_value(name);
        if (vocabulary::char_count(value) > limits_.max_text)
            throw HttpError{400, std::string("the ") + what + " is too long (" + std::to_string(vocabulary::char_count(value)) +
                                     " characters; the limit is " + std::to_string(limits_.max_text) + ")"};
        return value;
    }

    std::string required(const std::string& name, const char* what) const {
        std::string value = text(name, what);
        if (value.find_first_not_of(" \t\r\n") == std::string::npos)
            throw HttpError{400, std::string("give the ") + what + " as ?" + name + "="};
        return value;
    }

    size_t number(const std::string& name, size_t fallback, size_t max) const {
        if (!req_.has_param(name)) return fallback;
        std::string value = req_.get_param_value(name);
        size_t n = 0;
        auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (ec != std::errc() || end != value.data() + value.size())
            throw HttpError{400, name + " must be a whole number, not '" + value + "'"};
        return std::min(n, max);
    }

    std::string choice(const std::string& name, const std::vector<std::string>& allowed) const {
        if (!req_.has_param(name)) return allowed.front();
        std::string value = req_.get_param_value(name);
        if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return value;
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
        throw HttpError{400, name + " must be one of " + list + ", not '" + value + "'"};
    }

  private:
    const httplib::Request& req_;
    const Limits& limits_;
};

// What names a document in a URL: its id, symbol or manifest name. Looked up as an index
// term, never as a path; control characters and overlong values are refused.
std::string valid_document_name(const std::string& name) {
    if (name.empty()) throw HttpError{400, "give the document as ?doc= (its id, symbol or manifest name)"};
    if (name.size() > 300 || std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
        throw HttpError{400, "not a document id, symbol or name"};
    return name;
}

// Document ids as the indexer makes them: "ctoc-cop-wg.4-2020-4.en", "доклад.en" (letters
// of any script are UTF-8 bytes from 0x80; no slash, space or control character).
bool is_document_id(const std::string& id) {
    return !id.empty() && id.size() <= 300 && id.front() != '.' &&
           std::all_of(id.begin(), id.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
                      c == '_' || static_cast<unsigned char>(c) >= 0x80;
           });
}

// The type a source file is served as; verbatim indexes only these.
std::string source_content_type(const std::filesystem::path& file) {
    return vocabulary::ascii_lower(file.extension().string()) == ".pdf" ? "application/pdf" : "text/plain; charset=utf-8";
}

bool is_loopback_host(const std::string& host_header) {
    std::string host = host_header;
    if (!host.empty() && host.front() == '[') host = host.substr(0, host.find(']') + 1);
    else host = host.substr(0, host.find(':'));
    return host == "127.0.0.1" || host == "localhost" || host == "[::1]";
}

}  // namespace

struct Server::Impl {
    ServerOptions options;
    SearcherPool pool;
    httplib::Server http;
    std::string host;

    explicit Impl(ServerOptions o) : options(std::move(o)), pool(options.db, options.shards) {}

    void routes();

    // Runs a handler, turning the library's errors into the CLI's messages.
    template <typename F>
    void answer(httplib::Response& res, const char* failure, F&& handler) {
        try {
            handler();
        } catch (const HttpError& e) {
            send_error(res, e);
        } catch (const DatabaseError& e) {
            send_error(res, {503, e.what()});
        } catch (const Xapian::Error& e) {
            send_error(res, {500, std::string(failure) + ": " + e.get_description()});
        }
    }

    void search(const httplib::Request& req, httplib::Response& res);
    void facets(const httplib::Request& req, httplib::Response& res);
    void cite(const httplib::Request& req, httplib::Response& res);
    void quote(const httplib::Request& req, httplib::Response& res);
    void agreed(const httplib::Request& req, httplib::Response& res);
    void show(const httplib::Request& req, httplib::Response& res);
    void stats(httplib::Response& res);
    void source(const httplib::Request& req, httplib::Response& res);
    void page(const httplib::Request& req, httplib::Response& res);

    // Earlier wording of `text` (agreed, quote) as JSON; a text without words is a 400.
    json reuse_json(const std::string& text, const ReuseOptions& o, const char* bad_input) {
        auto searcher = pool.take();
        std::vector<ReuseMatch> matches;
        try {
            matches = find_reuse(*searcher, text, o);
        } catch (const QueryError& e) {
            throw HttpError{400, bad_input + std::string(e.what())};
        }
        json out = json::array();
        for (const ReuseMatch& m : matches) out.push_back(reuse_to_json(m));
        return out;
    }
};

void Server::Impl::search(const httplib::Request& req, httplib::Response& res) {
    answer(res, "search failed", [&] {
        const Params p(req, options.limits);
        SearchOptions o;
        o.query = req.get_param_value("q");  // the parser bounds its length, with the CLI's message
        const std::string sort = p.choice("sort", {"relevance", "newest", "oldest"});
        const std::string group = p.choice("group", {"none", "meeting", "document"});
        o.sort = sort == "newest" ? SortOrder::newest : sort == "oldest" ? SortOrder::oldest : SortOrder::relevance;
        o.group = group == "meeting" ? GroupBy::meeting : group == "document" ? GroupBy::document : GroupBy::none;
        o.limit = p.number("limit", 10, options.limits.max_page);
        o.offset = p.number("offset", 0, options.limits.max_offset);
        o.facets = p.choice("facets", {"1", "0"}) == "1";
        const std::string by = p.choice("timeline", {"none", "meeting", "year", "type"});
        const bool facets_asked = o.facets;
        if (by != "none") o.facets = true, o.facet_values = static_cast<size_t>(-1);  // every bar, not the top 20
        auto searcher = pool.take();
        SearchResult result = search_or_400(*searcher, o);
        json hits = json::array(), groups = json::array();
        for (const Hit& hit : result.hits) hits.push_back(hit_to_json(hit));
        for (const HitGroup& g : result.groups) groups.push_back(group_to_json(g));
        json body{{"query", o.query}, {"sort", sort},          {"group", group},
                  {"offset", o.offset}, {"limit", o.limit},    {"total", result.total},
                  {"total_exact", result.total_exact}, {"total_at_least", result.total_at_least},         {"hits", std::move(hits)},
                  {"groups", std::move(groups)}};
        if (by != "none") {
            const TimelineBy t = by == "year" ? TimelineBy::year : by == "type" ? TimelineBy::type : TimelineBy::meeting;
            json bars = json::array();
            for (const TimelineBar& b : timeline(result.facets, t, searcher->documents()))
                bars.push_back({{"value", b.value}, {"first_date", b.first_date.empty() ? json() : json(b.first_date)},
                                {"count", b.count}, {"filter", b.filter.empty() ? json() : json(b.filter)}});
            body["timeline"] = json{{"by", by}, {"bars", std::move(bars)}};
            for (auto& [name, values] : result.facets)
                if (values.size() > 20) values.resize(20);  // the facets as without a timeline
        }
        if (facets_asked) body["facets"] = facets_to_json(result.facets, searcher->documents());
        send_json(res, body);
    });
}

void Server::Impl::facets(const httplib::Request& req, httplib::Response& res) {
    answer(res, "search failed", [&] {
        SearchOptions o;
        o.query = req.get_param_value("q");
        o.limit = 0;
        o.facets = true;
        auto searcher = pool.take();
        const SearchResult result = search_or_400(*searcher, o);
        // The shape of `verbatim facets --json`.
        send_json(res, json{{"query", o.query}, {"total", result.total}, {"facets", facets_to_json(result.facets, searcher->documents())}});
    });
}

void Server::Impl::cite(const httplib::Request& req, httplib::Response& res) {
    answer(res, "cite failed", [&] {
        const std::string reference = Params(req, options.limits).required("ref", "reference");
        if (auto parsed = parse_reference(reference); auto* problem = std::get_if<std::string>(&parsed))
            throw HttpError{400, "bad reference: " + *problem};
        auto searcher = pool.take();
        CiteResult result;
        try {
            result = verbatim::cite(*searcher, reference);
        } catch (const CiteError& e) {
            throw HttpError{404, e.what()};  // says what the document does hold
        }
        json units = json::array();
        for (const UnitRecord& r : result.units) units.push_back(unit_to_json(r));
        send_json(res, json{{"reference", reference}, {"units", std::move(units)}});
    });
}

void Server::Impl::quote(const httplib::Request& req, httplib::Response& res) {
    answer(res, "cite failed", [&] {
        const Params p(req, options.limits);
        const std::string text = p.required("text", "quotation");
        const ReuseOptions o = quotation_options(p.number("limit", 10, options.limits.max_page));
        send_json(res, json{{"quote", text}, {"sources", reuse_json(text, o, "bad quotation: ")}});
    });
}

void Server::Impl::agreed(const httplib::Request& req, httplib::Response& res) {
    answer(res, "agreed failed", [&] {
        const Params p(req, options.limits);
        // The draft is the POST body (plain text), else ?text= for a short one.
        std::string draft = req.method == "POST" ? req.body : p.text("text", "draft");
        if (draft.find_first_not_of(" \t\r\n") == std::string::npos)
            throw HttpError{400, "give the draft as the request body (POST) or ?text="};
        ReuseOptions o;
        o.limit = p.number("limit", 10, options.limits.max_page);
        send_json(res, json{{"matches", reuse_json(draft, o, "bad draft: ")}});
    });
}

void Server::Impl::show(const httplib::Request& req, httplib::Response& res) {
    answer(res, "show failed", [&] {
        const std::string name = valid_document_name(req.get_param_value("doc"));
        auto searcher = pool.take();
        std::optional<DocumentMeta> doc = searcher->find_document(name);
        if (!doc) throw HttpError{404, "no document '" + name + "' in the index"};
        // The shape of `verbatim show --json`.
        json j = to_json(*doc);
        j["units"] = json::array();
        for (const UnitRecord& u : searcher->document_units(doc->id)) j["units"].push_back(unit_to_json(u));
        send_json(res, j);
    });
}

void Server::Impl::stats(httplib::Response& res) {
    answer(res, "stats failed", [&] {
        auto searcher = pool.take();
        IndexStats s = index_stats(*searcher, options.db.string());
        // The shape of `verbatim stats --json`.
        send_json(res, json{{"path", s.path},           {"documents", s.documents}, {"units", s.units},
                            {"files", s.files},         {"words", s.words},         {"languages", s.languages},
                            {"types", s.types},         {"kinds", s.kinds},         {"first_date", s.first_date},
                            {"last_date", s.last_date}, {"bytes", s.bytes}});
    });
}

// The original file of a document, read-only. The request names a document id, never a
// path: the path is the one the index recorded for that document, and only a file the
// index holds a record of is served.
void Server::Impl::source(const httplib::Request& req, httplib::Response& res) {
    answer(res, "source failed", [&] {
        const std::string id = req.matches[1];
        if (!is_document_id(id)) throw HttpError{404, "not a document id"};
        auto searcher = pool.take();
        std::optional<DocumentMeta> doc = searcher->find_document(id);
        if (!doc || doc->id != id) throw HttpError{404, "no document '" + id + "' in the index"};
        const std::filesystem::path file = doc->source;
        if (file.empty() || searcher->metadata(schema::kFileKey + doc->source).empty())
            throw HttpError{404, "the index holds no source file for '" + id + "'"};
        std::error_code ec;
        if (!std::filesystem::is_regular_file(file, ec))
            throw HttpError{410, "the source file of '" + id + "' is gone: " + doc->source};
        // Streamed from the file, a piece at a time (and by ranges, which a PDF viewer asks
        // for): a large PDF is never held in memory whole, per request.
        auto in = std::make_shared<std::ifstream>(file, std::ios::binary);
        const auto size = std::filesystem::file_size(file, ec);
        if (!*in || ec) throw HttpError{500, "cannot read the source file of '" + id + "'"};
        // A PDF needs the browser's viewer, which the page's policy would block; a source
        // file runs nothing of its own either way (text is text/plain, nosniff).
        res.headers.erase("Content-Security-Policy");
        res.set_header("Content-Security-Policy", "default-src 'none'; object-src 'self'");
        res.set_header("Content-Disposition", "inline");
        res.set_content_provider(static_cast<size_t>(size), source_content_type(file),
                                 [in](size_t offset, size_t length, httplib::DataSink& sink) {
                                     std::vector<char> buffer(std::min<size_t>(length, 64 * 1024));
                                     in->clear();
                                     in->seekg(static_cast<std::streamoff>(offset));
                                     in->read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
                                     const auto got = static_cast<size_t>(in->gcount());
                                     return got > 0 && sink.write(buffer.data(), got);
                                 });
    });
}

// The page is one HTML file; /doc/<id> gets it too and the script shows the document.
void Server::Impl::page(const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/doc/", 0) == 0 && !is_document_id(req.path.substr(5))) {
        res.status = 404;
        res.set_content("not a document id", "text/plain; charset=utf-8");
        return;
    }
    res.set_content(std::string(asset("page.html")), "text/html; charset=utf-8");
}

void Server::Impl::routes() {
    http.set_payload_max_length(options.limits.max_body);
    // httplib's default is SO_REUSEPORT, which lets a second server share the port
    // silently; SO_REUSEADDR alone allows a quick restart and refuses a port in use.
    http.set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    // httplib gives each connection a thread for as long as it is kept alive: enough
    // threads that a page's or a client's idle connections never starve the others
    // (the work itself is bounded by the cores; idle threads only wait).
    http.new_task_queue = [] { return new httplib::ThreadPool(64); };
    http.set_keep_alive_max_count(100);
    // Every answer: no inline script or style can run, so text that slipped through
    // unescaped would still be inert; nothing is framed or sniffed.
    http.set_default_headers({
        {"Content-Security-Policy",
         "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
         "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"Cache-Control", "no-store"},
    });
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (options.loopback_hosts_only && !is_loopback_host(req.get_header_value("Host"))) {
            send_error(res, {403, "this server answers only to 127.0.0.1, localhost or [::1]"});
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    // Errors raised inside httplib (413 body too large, 404 no route) get a JSON message too.
    http.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return;
        std::string message = res.status == 413   ? "the request body is larger than " +
                                                        std::to_string(options.limits.max_body / 1024) + " KB"
                              : res.status == 404 ? "no such page: " + req.path
                              : res.status == 414 ? "the address is too long"
                                                  : "the request was not understood";
        send_error(res, {res.status, message});
    });
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string message = "internal error";
        try {
            if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            message += std::string(": ") + e.what();
        } catch (...) {
        }
        send_error(res, {500, message});
    });

    auto page_handler = [this](const httplib::Request& req, httplib::Response& res) { page(req, res); };
    http.Get("/", page_handler);
    http.Get("/doc/[^/]+", page_handler);
    http.Get("/(app\\.js|style\\.css)", [](const httplib::Request& req, httplib::Response& res) {
        const std::string name = req.matches[1];
        res.set_content(std::string(asset(name)),
                        name.ends_with(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8");
    });
    http.Get("/source/([^/]+)", [this](const auto& req, auto& res) { source(req, res); });
    http.Get("/api/search", [this](const auto& req, auto& res) { search(req, res); });
    http.Get("/api/facets", [this](const auto& req, auto& res) { facets(req, res); });
    http.Get("/api/cite", [this](const auto& req, auto& res) { cite(req, res); });
    http.Get("/api/quote", [this](const auto& req, auto& res) { quote(req, res); });
    http.Get("/api/agreed", [this](const auto& req, auto& res) { agreed(req, res); });
    http.Post("/api/agreed", [this](const auto& req, auto& res) { agreed(req, res); });
    http.Get("/api/show", [this](const auto& req, auto& res) { show(req, res); });
    http.Get("/api/stats", [this](const auto&, auto& res) { stats(res); });
}

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
    impl_->pool.take();  // opens the index once: a missing or foreign index fails now, not per request
    impl_->routes();
}

Server::~Server() = default;

int Server::bind(const std::string& host, int port) {
    impl_->host = host;
    if (port == 0) return impl_->http.bind_to_any_port(host);
    return impl_->http.bind_to_port(host, port) ? port : -1;
}

bool Server::listen() { return impl_->http.listen_after_bind(); }

void Server::stop() { impl_->http.stop(); }

}  // namespace verbatim::web
