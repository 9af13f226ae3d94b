#include "catalog_client/http.hpp"

#include "catalog_client/json_bounded.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <future>
#include <mutex>
#include <optional>
#include <random>
#include <thread>
#include <unordered_map>

namespace catalog_client {

std::string HttpResponse::header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
}

namespace {

using Clock = std::chrono::steady_clock;


struct Job {
    RequestId id = 0;
    HttpRequest request;
    Transport::Callback done;
    int attempt = 0;
    Clock::time_point not_before{};
    CURL* easy = nullptr;
    curl_slist* header_list = nullptr;
    std::string body;
    std::map<std::string, std::string> headers;
    long status = 0;                 // from the status line, once received
    bool too_large = false;          // the answer went over max_response_bytes
    bool problem_too_large = false;  // an error status whose body went over max_problem_bytes
    bool sink_begun = false;         // request.sink->begin was called for this attempt
    bool sink_refused = false;       // the sink returned false
    std::size_t streamed = 0;        // bytes given to the sink

    void release() {
        if (easy) curl_easy_cleanup(easy);
        if (header_list) curl_slist_free_all(header_list);
        easy = nullptr;
        header_list = nullptr;
    }
    ~Job() { release(); }
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* job = static_cast<Job*>(user);
    std::size_t n = size * count;
    const bool problem = job->status >= 400;
    if (job->request.sink && job->status >= 200 && job->status < 300) {
        HttpRequest::Sink& sink = *job->request.sink;
        if (job->streamed + n > job->request.max_response_bytes) {
            job->too_large = true;
            return 0;
        }
        if (!job->sink_begun) {
            job->sink_begun = true;
            if (sink.begin && !sink.begin(job->status, job->headers)) {
                job->sink_refused = true;
                return 0;
            }
        }
        if (sink.write && !sink.write(data, n)) {
            job->sink_refused = true;
            return 0;
        }
        job->streamed += n;
        return n;
    }
    const std::size_t limit = problem ? std::min(job->request.max_problem_bytes, job->request.max_response_bytes)
                                      : job->request.max_response_bytes;
    if (job->body.size() + n > limit) {
        (problem ? job->problem_too_large : job->too_large) = true;
        return 0;  // aborts the transfer with CURLE_WRITE_ERROR
    }
    job->body.append(data, n);
    return n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto* job = static_cast<Job*>(user);
    std::size_t n = size * count;
    std::string line(data, n);
    auto colon = line.find(':');
    if (line.rfind("HTTP/", 0) == 0) {  // a new response (after a 100 or redirect): "HTTP/1.1 503 ..."
        job->headers.clear();
        auto space = line.find(' ');
        job->status = 0;
        if (space != std::string::npos)
            for (std::size_t i = space + 1; i < line.size() && i < space + 4 && std::isdigit(static_cast<unsigned char>(line[i])); ++i)
                job->status = job->status * 10 + (line[i] - '0');
    }
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        std::string value = line.substr(colon + 1);
        auto first = value.find_first_not_of(" \t");
        auto last = value.find_last_not_of(" \t\r\n");
        job->headers[name] = first == std::string::npos ? std::string() : value.substr(first, last - first + 1);
    }
    return n;
}

Error curl_error(CURLcode code, const Job& job, const char* detail) {
    Error e;
    std::string what = detail && *detail ? detail : curl_easy_strerror(code);
    if (job.sink_refused) {
        e.kind = ErrorKind::Storage;
        e.message = "the answer could not be kept (its receiver stopped it)";
    } else if (job.too_large || code == CURLE_FILESIZE_EXCEEDED) {
        e.kind = ErrorKind::TooLarge;
        e.message = "response larger than " + std::to_string(job.request.max_response_bytes) + " bytes";
    } else if (code == CURLE_OPERATION_TIMEDOUT) {
        e.kind = ErrorKind::Timeout;
        e.message = "timed out: " + what;
    } else if (code == CURLE_URL_MALFORMAT || code == CURLE_UNSUPPORTED_PROTOCOL) {
        e.kind = ErrorKind::Config;
        e.message = "bad URL: " + what;
    } else {
        e.kind = ErrorKind::Network;
        e.message = what;
    }
    return e;
}

// A string member of a problem document, if it is one and not longer than `max`; control
// characters dropped (it may reach a log line).
std::string problem_text(const nlohmann::json& doc, const char* key, std::size_t max) {
    auto it = doc.find(key);
    if (it == doc.end() || !it->is_string()) return {};
    const auto& s = it->get_ref<const std::string&>();
    std::size_t end = std::min(s.size(), max);
    while (end < s.size() && end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;  // whole characters
    std::string out;
    for (std::size_t i = 0; i < end; ++i)
        if (static_cast<unsigned char>(s[i]) >= 0x20 && s[i] != 0x7f) out.push_back(s[i]);
    return out;
}

std::optional<std::int64_t> problem_integer(const nlohmann::json& doc, const char* key) {
    auto it = doc.find(key);
    if (it == doc.end() || !it->is_number_integer()) return std::nullopt;
    if (it->is_number_unsigned() && it->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
    return it->get<std::int64_t>();
}

// The fields of a problem document the kiosk uses, copied with bounded sizes: never the
// document itself (it may be large, deep or repeat what the kiosk sent).
Problem problem_fields(const nlohmann::json& doc) {
    Problem out;
    out.code = problem_text(doc, "code", 64);
    out.detail = problem_text(doc, "detail", 300);
    out.sku = problem_text(doc, "sku", 128);
    out.available = problem_integer(doc, "available");
    if (auto n = problem_integer(doc, "retry_after_s")) out.retry_after_s = std::clamp<std::int64_t>(*n, 0, 86400);
    if (auto n = problem_integer(doc, "tries_left")) out.tries_left = std::clamp<std::int64_t>(*n, 0, 100);
    if (auto price = doc.find("price"); price != doc.end() && price->is_object()) {
        if ((out.price_amount = problem_integer(*price, "amount"))) out.price_currency = problem_text(*price, "currency", 8);
    }
    if (auto errors = doc.find("errors"); errors != doc.end() && errors->is_array()) {
        for (const auto& e : *errors) {
            if (out.errors.size() >= Problem::kMaxErrors) break;
            if (e.is_object()) out.errors.push_back({problem_text(e, "field", 128), problem_text(e, "code", 64)});
        }
    }
    return out;
}

// An error status; `body` is its problem document (empty when it was not read).
Error http_error(long status, const std::string& body, const std::map<std::string, std::string>& headers) {
    Error e;
    e.kind = ErrorKind::Http;
    e.http_status = static_cast<int>(status);
    e.message = "HTTP " + std::to_string(status);
    auto parsed = parse_json_bounded(body);
    if (parsed.ok() && parsed.doc.is_object()) {
        e.problem = problem_fields(parsed.doc);
        e.code = e.problem.code;
        if (!e.problem.detail.empty()) e.message += ": " + e.problem.detail;
        e.retry_after_s = static_cast<int>(e.problem.retry_after_s.value_or(0));
    }
    auto it = headers.find("retry-after");
    if (it != headers.end() && !it->second.empty() && it->second.size() < 7 &&
        it->second.find_first_not_of("0123456789") == std::string::npos)
        e.retry_after_s = std::stoi(it->second);
    return e;
}

bool transient(const Error& e) {
    if (e.kind == ErrorKind::Network || e.kind == ErrorKind::Timeout) return true;
    return e.kind == ErrorKind::Http && (e.http_status == 429 || e.http_status == 502 || e.http_status == 503 || e.http_status == 504);
}

}  // namespace

Error problem_error(long status, const std::string& body, const std::map<std::string, std::string>& headers) {
    return http_error(status, body, headers);
}

struct Transport::Impl {
    TransportOptions options;
    CURLM* multi = nullptr;
    std::thread thread;
    std::atomic<RequestId> next_id{1};
    std::atomic<std::size_t> outstanding{0};  // submitted and not completed

    std::mutex mutex;  // guards the three fields below
    std::vector<std::unique_ptr<Job>> submitted;
    std::vector<RequestId> cancelled;
    bool stopping = false;

    // Network thread only.
    std::vector<std::unique_ptr<Job>> delayed;
    std::unordered_map<RequestId, std::unique_ptr<Job>> running;
    std::mt19937_64 jitter{std::random_device{}()};

    void wake() { curl_multi_wakeup(multi); }
    void run();
    void start(std::unique_ptr<Job> job);
    void complete(std::unique_ptr<Job> job, Result<HttpResponse> result);
    void retry_or_complete(std::unique_ptr<Job> job, Error error);
};

void Transport::Impl::start(std::unique_ptr<Job> job) {
    job->release();
    job->body.clear();
    job->headers.clear();
    job->too_large = false;
    job->problem_too_large = false;
    job->sink_begun = false;
    job->sink_refused = false;
    job->streamed = 0;
    job->status = 0;
    job->attempt += 1;
    CURL* easy = curl_easy_init();
    if (!easy) {
        complete(std::move(job), Error::of(ErrorKind::Network, "cannot create a curl handle"));
        return;
    }
    job->easy = easy;
    const HttpRequest& r = job->request;
    curl_easy_setopt(easy, CURLOPT_URL, r.url.c_str());
    curl_easy_setopt(easy, CURLOPT_PRIVATE, job.get());
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, job.get());
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, job.get());
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(r.connect_timeout.count()));
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(r.total_timeout.count()));
    curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, r.low_speed_bytes_per_s);
    curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, static_cast<long>(r.low_speed_time.count()));
    curl_easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(r.max_response_bytes));
    curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl can decode
    curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options.ca_bundle.empty()) curl_easy_setopt(easy, CURLOPT_CAINFO, options.ca_bundle.c_str());
    curl_easy_setopt(easy, CURLOPT_USERAGENT, options.user_agent.c_str());
    curl_slist* list = nullptr;
    for (const auto& [name, value] : r.headers) list = curl_slist_append(list, (name + ": " + value).c_str());
    if (r.with_token && !options.bearer_token.empty())
        list = curl_slist_append(list, ("Authorization: Bearer " + options.bearer_token).c_str());
    if (r.method != "GET") {
        list = curl_slist_append(list, "Content-Type: application/json");
        list = curl_slist_append(list, "Expect:");
    }
    job->header_list = list;
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, list);
    if (r.method == "POST") {
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(r.body.size()));
        curl_easy_setopt(easy, CURLOPT_COPYPOSTFIELDS, r.body.c_str());
    } else if (r.method != "GET") {
        curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, r.method.c_str());
        if (!r.body.empty()) {
            curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(r.body.size()));
            curl_easy_setopt(easy, CURLOPT_COPYPOSTFIELDS, r.body.c_str());
        }
    }
    RequestId id = job->id;
    curl_multi_add_handle(multi, easy);
    running.emplace(id, std::move(job));
}

void Transport::Impl::complete(std::unique_ptr<Job> job, Result<HttpResponse> result) {
    if (job->easy) curl_multi_remove_handle(multi, job->easy);
    job->release();
    if (job->done) job->done(std::move(result));
    --outstanding;  // after the callback: what it posted is already there
}

void Transport::Impl::retry_or_complete(std::unique_ptr<Job> job, Error error) {
    if (job->request.retry && !job->request.sink && transient(error) && job->attempt < job->request.max_attempts &&
        error.retry_after_s <= 30) {
        auto base = options.backoff_base * (1LL << std::min(job->attempt - 1, 16));
        auto delay = std::min<std::chrono::milliseconds>(std::chrono::duration_cast<std::chrono::milliseconds>(base), options.backoff_max);
        std::uniform_real_distribution<double> spread(0.5, 1.0);  // jitter: half to full delay
        auto wait = std::chrono::milliseconds(static_cast<long long>(static_cast<double>(delay.count()) * spread(jitter)));
        wait = std::max(wait, std::chrono::milliseconds(error.retry_after_s * 1000LL));
        if (job->easy) curl_multi_remove_handle(multi, job->easy);
        job->release();
        job->not_before = Clock::now() + wait;
        delayed.push_back(std::move(job));
        return;
    }
    complete(std::move(job), std::move(error));
}

void Transport::Impl::run() {
    for (;;) {
        std::vector<std::unique_ptr<Job>> fresh;
        std::vector<RequestId> cancels;
        bool stop;
        {
            std::lock_guard lock(mutex);
            fresh.swap(submitted);
            cancels.swap(cancelled);
            stop = stopping;
        }
        if (stop) {
            for (auto& job : fresh) delayed.push_back(std::move(job));
            for (auto& [id, job] : running) delayed.push_back(std::move(job));
            running.clear();
            for (auto& job : delayed) complete(std::move(job), Error::of(ErrorKind::Cancelled, "transport shut down"));
            delayed.clear();
            return;
        }
        for (auto& job : fresh) start(std::move(job));
        for (RequestId id : cancels) {
            Error cancelled_error{ErrorKind::Cancelled, 0, {}, "cancelled", 0, {}};
            if (auto it = running.find(id); it != running.end()) {
                auto job = std::move(it->second);
                running.erase(it);
                complete(std::move(job), cancelled_error);
                continue;
            }
            auto it = std::find_if(delayed.begin(), delayed.end(), [&](const auto& j) { return j->id == id; });
            if (it != delayed.end()) {
                auto job = std::move(*it);
                delayed.erase(it);
                complete(std::move(job), cancelled_error);
            }
        }
        // Retries whose time has come.
        auto now = Clock::now();
        for (auto it = delayed.begin(); it != delayed.end();) {
            if ((*it)->not_before <= now) {
                auto job = std::move(*it);
                it = delayed.erase(it);
                start(std::move(job));
            } else {
                ++it;
            }
        }

        int still_running = 0;
        curl_multi_perform(multi, &still_running);
        int left = 0;
        while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
            if (msg->msg != CURLMSG_DONE) continue;
            Job* raw = nullptr;
            curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &raw);
            auto it = running.find(raw->id);
            if (it == running.end()) continue;
            auto job = std::move(it->second);
            running.erase(it);
            CURLcode code = msg->data.result;
            if (code != CURLE_OK && job->status >= 400 &&
                (job->problem_too_large || code == CURLE_FILESIZE_EXCEEDED)) {
                // An error status with an oversized body: the status counts, the body is ignored.
                Error error = http_error(job->status, std::string(), job->headers);
                error.message += " (its problem document, over " + std::to_string(job->request.max_problem_bytes) + " bytes, was not read)";
                retry_or_complete(std::move(job), std::move(error));
                continue;
            }
            if (code != CURLE_OK) {
                Error error = curl_error(code, *job, nullptr);
                retry_or_complete(std::move(job), std::move(error));
                continue;
            }
            long status = 0;
            curl_easy_getinfo(job->easy, CURLINFO_RESPONSE_CODE, &status);
            if (status >= 400) {
                Error error = http_error(status, job->body, job->headers);
                retry_or_complete(std::move(job), std::move(error));
                continue;
            }
            if (job->request.sink && !job->sink_begun && status >= 200 && status < 300 && job->request.sink->begin &&
                !job->request.sink->begin(status, job->headers)) {  // an empty body: begin all the same
                job->sink_refused = true;
                Error error = curl_error(CURLE_WRITE_ERROR, *job, nullptr);
                complete(std::move(job), std::move(error));
                continue;
            }
            HttpResponse response{status, std::move(job->body), std::move(job->headers), job->attempt};
            complete(std::move(job), std::move(response));
        }

        int timeout_ms = 1000;
        for (const auto& job : delayed) {
            auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(job->not_before - Clock::now()).count();
            timeout_ms = static_cast<int>(std::clamp<long long>(ms, 0, timeout_ms));
        }
        curl_multi_poll(multi, nullptr, 0, timeout_ms, nullptr);
    }
}

Transport::Transport(TransportOptions options) : impl_(std::make_unique<Impl>()) {
    static std::once_flag curl_ready;
    std::call_once(curl_ready, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    impl_->options = std::move(options);
    impl_->multi = curl_multi_init();
    curl_multi_setopt(impl_->multi, CURLMOPT_MAX_HOST_CONNECTIONS, impl_->options.max_host_connections);
    curl_multi_setopt(impl_->multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
    impl_->thread = std::thread([impl = impl_.get()] { impl->run(); });
}

Transport::~Transport() {
    {
        std::lock_guard lock(impl_->mutex);
        impl_->stopping = true;
    }
    impl_->wake();
    impl_->thread.join();
    curl_multi_cleanup(impl_->multi);
}

RequestId Transport::submit(HttpRequest request, Callback done) {
    auto job = std::make_unique<Job>();
    job->id = impl_->next_id++;
    job->request = std::move(request);
    job->done = std::move(done);
    RequestId id = job->id;
    {
        std::lock_guard lock(impl_->mutex);
        if (impl_->stopping) {
            job->done(Error::of(ErrorKind::Cancelled, "transport shut down"));
            return id;
        }
        ++impl_->outstanding;
        impl_->submitted.push_back(std::move(job));
    }
    impl_->wake();
    return id;
}

std::size_t Transport::outstanding() const { return impl_->outstanding.load(); }

void Transport::cancel(RequestId id) {
    {
        std::lock_guard lock(impl_->mutex);
        impl_->cancelled.push_back(id);
    }
    impl_->wake();
}

Result<HttpResponse> Transport::perform(HttpRequest request) {
    auto promise = std::make_shared<std::promise<Result<HttpResponse>>>();
    auto future = promise->get_future();
    submit(std::move(request), [promise](Result<HttpResponse> r) { promise->set_value(std::move(r)); });
    return future.get();
}

}  // namespace catalog_client
