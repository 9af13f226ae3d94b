// Workers, the inbox, and the effects they carry out against catalog_client.
#include "kiosk/services.hpp"

#include "kiosk/backend.hpp"

#include "kiosk/journal.hpp"

#include "catalog_client/json_bounded.hpp"

#include "kiosk/reducer.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>

#include <spdlog/spdlog.h>

namespace kiosk {

using namespace catalog_client;

void Inbox::set_wake(std::function<void()> wake) {
    std::lock_guard<std::mutex> lock(mu_);
    wake_ = std::move(wake);
}

void Inbox::post(Action a) {
    std::function<void()> wake;
    {
        std::lock_guard<std::mutex> lock(mu_);
        items_.push_back(std::move(a));
        wake = wake_;
    }
    cv_.notify_all();
    if (wake) wake();
}

std::vector<Action> Inbox::take() {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<Action> out;
    out.swap(items_);
    return out;
}

void Inbox::wait(double seconds) {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait_for(lock, std::chrono::duration<double>(seconds), [&] { return !items_.empty(); });
}

Worker::Worker() : thread_([this] { run(); }) {}

Worker::~Worker() {
    {
        std::lock_guard<std::mutex> lock(mu_);
        stop_ = true;
        jobs_.clear();
    }
    cv_.notify_all();
    thread_.join();
}

void Worker::post(std::function<void()> job) {
    {
        std::lock_guard<std::mutex> lock(mu_);
        jobs_.push_back(std::move(job));
    }
    cv_.notify_all();
}

bool Worker::idle() {
    std::lock_guard<std::mutex> lock(mu_);
    return jobs_.empty() && !busy_;
}

void Worker::run() {
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock<std::mutex> lock(mu_);
            cv_.wait(lock, [&] { return stop_ || !jobs_.empty(); });
            if (stop_) return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
            busy_ = true;
        }
        try {
            job();
        } catch (const std::exception& e) {  // a job never takes the kiosk down
            log_event(spdlog::level::err, std::string("worker job failed: ") + e.what(), {{"KIOSK_EVENT", "worker_failed"}});
        }
        std::lock_guard<std::mutex> lock(mu_);
        busy_ = false;
    }
}

namespace {

bool is_offline_error(const Error& e) {
    return e.kind == ErrorKind::Network || e.kind == ErrorKind::Timeout ||
           (e.kind == ErrorKind::Http && e.http_status >= 500);
}

// The translation key of a failed staff lookup: not found, the staff session no longer valid,
// the API out of reach, or another failure. Logged without the card or number looked up.
std::string lookup_error(const Error& e, const char* not_found) {
    spdlog::warn("staff lookup: {} {}", to_string(e.kind), e.http_status);
    if (e.kind == ErrorKind::Http && e.http_status == 404) return not_found;
    if (e.kind == ErrorKind::Http && (e.http_status == 401 || e.http_status == 403)) return "staff.session_expired";
    if (is_offline_error(e)) return "staff.offline";
    return "staff.lookup_failed";
}

std::string identity_file(const KioskConfig& cfg) { return cfg.client.replica_dir + "/identity.json"; }

// "2026-12-03T16:40:00Z".
std::string iso8601_utc(std::int64_t unix_s) {
    const std::time_t t = static_cast<std::time_t>(unix_s);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char out[32];
    std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return out;
}

}  // namespace

Services::Services(const KioskConfig& cfg, Inbox& inbox) : cfg_(cfg), inbox_(inbox) {
    outbox_ = std::make_unique<Outbox>(cfg.client.outbox_dir);
    Backend backend = make_backend(cfg.client, outbox_.get());
    transport_ = std::move(backend.transport);
    api_ = std::move(backend.api);
    spdlog::info("commerce backend: {} at {}", api_->backend(), cfg.client.api_url);
    replica_ = std::make_unique<Replica>(cfg.client.replica_dir);
    ImageCacheOptions iopt;
    iopt.budget_bytes = static_cast<std::size_t>(cfg.image_cache_mb) * 1024 * 1024;
    image_cache_ = std::make_unique<ImageCache>(cfg.cache_dir, *api_, iopt);
    usage_ = std::make_unique<UsageLog>(cfg.client.outbox_dir);
    boot_id_ = new_uuid();  // sessions are numbered from 1 at each start: this tells runs apart
    if (!cfg.synonyms_file.empty()) {
        auto synonyms = std::make_shared<Synonyms>();
        if (auto e = load_synonyms(cfg.synonyms_file, *synonyms)) throw std::runtime_error(*e);
        spdlog::info("search synonyms: {} groups from {}", synonyms->groups, cfg.synonyms_file);
        synonyms_ = std::move(synonyms);
    }
    // The store this kiosk stands in, as last learnt (so an offline start still knows it).
    // A damaged file (cut, wrong types) is ignored: the kiosk asks the API again.
    std::ifstream in(identity_file(cfg), std::ios::binary);
    std::string text(4096, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    const json id = parse_json_or_discarded(text, 4);
    const auto field = [&id](const char* key) {
        return id.is_object() && id.contains(key) && id[key].is_string() && id[key].get_ref<const std::string&>().size() <= 200
                   ? id[key].get<std::string>()
                   : std::string();
    };
    if (!field("store_id").empty()) {
        store_id_ = field("store_id");
        inbox_.post(act::Identity{field("kiosk_id"), store_id_});
    }
    stock_ = std::make_shared<AvailabilityCache>(*api_, store_id_);
    storage_ = std::make_unique<Worker>();
    orders_ = std::make_unique<Worker>();
    reader_ = std::make_unique<Worker>();
    telemetry_ = std::make_unique<Worker>();
    if (!cfg.printer_device.empty()) {
        printer_ = std::make_unique<Worker>();
        std::error_code ec;
        if (!std::filesystem::exists(cfg.printer_device, ec))
            spdlog::warn("printer: {} is not there (yet): tickets fail until it is", cfg.printer_device);
    }
}

std::shared_ptr<AvailabilityCache> Services::stock() {
    std::lock_guard<std::mutex> lock(store_mu_);
    return stock_;
}

void Services::set_store(const std::string& store_id) {
    std::lock_guard<std::mutex> lock(store_mu_);
    if (store_id == store_id_ && stock_) return;
    store_id_ = store_id;
    stock_ = std::make_shared<AvailabilityCache>(*api_, store_id_);
}

Services::~Services() {
    telemetry_.reset();
    printer_.reset();
    reader_.reset();
    orders_.reset();
    storage_.reset();
    api_->shutdown();
    transport_.reset();
}

bool Services::quiet() {
    // Health checks run by themselves every few seconds: they do not make the kiosk busy.
    const std::size_t calls = transport_->outstanding();
    const std::size_t health = static_cast<std::size_t>(std::max(0, health_in_flight_->load()));
    return reader_->idle() && storage_->idle() && orders_->idle() && telemetry_->idle() && (!printer_ || printer_->idle()) &&
           calls <= health;
}

void Services::start() {
    api_->me([this](Result<KioskIdentity> r) {
        if (!r) {
            spdlog::warn("kiosks/me: {}", describe(r.error()));
            if (is_offline_error(r.error())) inbox_.post(act::Online{false});
            return;
        }
        std::ofstream out(identity_file(cfg_) + ".tmp");
        out << json{{"kiosk_id", r.value().kiosk_id}, {"store_id", r.value().store_id}}.dump();
        out.close();
        std::error_code ec;
        std::filesystem::rename(identity_file(cfg_) + ".tmp", identity_file(cfg_), ec);
        inbox_.post(act::Identity{r.value().kiosk_id, r.value().store_id});
    });
    reader_->post([this] { load_catalog(); });
    storage_->post([this] {
        // Empty, or laid out for an older version (search finds nothing in it): sync at once.
        const ReplicaStatus status = replica_->status();
        if (!status.exists || status.products == 0 || !status.current) sync_now(true);
    });
    orders_->post([this] {
        const auto pending = outbox_->list(true);
        if (!pending.empty()) spdlog::info("outbox: resending {} pending orders", pending.size());
        log_outcomes(outbox_->resend_pending(*api_));
    });
}

void Services::send_heartbeat(const std::string& last_error, std::int64_t outbox_depth) {
    if (!api_->capabilities().telemetry) return;  // the backend takes no heartbeats (the events stay local)
    const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    const ReplicaStatus replica = replica_->status();
    json body = {{"version", KIOSK_VERSION},
                 {"outbox_depth", outbox_depth},
                 {"interval_s", static_cast<std::int64_t>(std::lround(cfg_.heartbeat_interval_s))},
                 {"uptime_s", std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started_).count()}};
    if (!replica.cursor.empty()) body["catalog_cursor"] = replica.cursor;
    if (replica.synced_at > 0) body["catalog_age_s"] = std::max<std::int64_t>(0, now - replica.synced_at);
    if (!last_error.empty()) body["last_error"] = last_error.substr(0, 500);
    const auto beat = wait<Unit>([&](Done<Unit> done) { return api_->heartbeat(body, std::move(done)); });
    if (!beat) {
        spdlog::debug("heartbeat: {}", describe(beat.error()));
        return;  // the events wait for the next one
    }
    if (!usage_sent_) usage_sent_ = std::make_unique<UsageLog>(cfg_.client.outbox_dir);
    for (int batch = 0; batch < 10; ++batch) {  // at most 10 000 events per heartbeat
        const std::vector<UsageEvent> events = usage_sent_->pending(1000);
        if (events.empty()) return;
        json list = json::array();
        for (const UsageEvent& e : events) {
            json data = {{"value", e.value}};
            if (!e.detail.empty()) data["detail"] = e.detail;
            list.push_back({{"type", e.kind}, {"at", iso8601_utc(e.at)}, {"session_id", e.session}, {"data", data}});
        }
        const auto sent = wait<Unit>([&](Done<Unit> done) { return api_->send_events(list, std::move(done)); });
        if (!sent) {
            spdlog::warn("usage events: {} (kept for the next heartbeat)", describe(sent.error()));
            return;
        }
        usage_sent_->acknowledge(events.back().id);
    }
}

void Services::load_catalog() {
    if (!reader_db_) reader_db_ = std::make_unique<Replica::Reader>(*replica_);
    if (!search_) {
        search_ = std::make_unique<Search>(*reader_db_);
        search_->set_synonyms(synonyms_);
    }
    act::CatalogLoaded loaded{reader_db_->categories(), reader_db_->stores(), reader_db_->product_count()};
    inbox_.post(std::move(loaded));
    // Search reads the replica's vocabulary on its first query after a sync (about a second at
    // 1 000 000 products): done now, on this worker, rather than on the shopper's first letter.
    SearchQuery warm;
    warm.text = "a";
    warm.limit = 1;
    search_->run(warm);
}

void Services::sync_now(bool report) {
    auto r = replica_->sync(*api_);
    if (!r) {
        log_event(spdlog::level::warn, "sync: " + describe(r.error()),
                  {{"KIOSK_EVENT", "sync_failed"}, {"KIOSK_ERROR_KIND", to_string(r.error().kind)}});
        if (report) inbox_.post(act::SyncDone{false, describe(r.error())});
        if (is_offline_error(r.error())) inbox_.post(act::Online{false});
        return;
    }
    const SyncReport& rep = r.value();
    spdlog::info("sync: {} {} upserts, {} deletes, {} skipped in {:.1f} s", rep.full ? "full" : "delta",
                 rep.upserts, rep.deletes, rep.skipped, rep.seconds);
    inbox_.post(act::SyncDone{true, std::to_string(rep.upserts) + " upserts"});
    if (rep.full || rep.upserts > 0 || rep.deletes > 0) reader_->post([this] { load_catalog(); });
}

namespace {

Stock stock_of(AvailabilityCache& cache, const std::string& sku) {
    const StockView v = cache.get(sku);
    Stock s;
    s.known = v.state == StockState::Known;
    s.loading = v.refreshing;
    s.data = v.data;
    return s;
}

}  // namespace

std::unordered_set<std::string> Services::products_here() {
    if (!reader_db_) return {};
    try {
        return reader_db_->products_of(stock()->skus_here());
    } catch (const std::exception& e) {
        spdlog::warn("available-here lookup: {}", e.what());
        return {};
    }
}

ListingFacets Services::facets_of(const SearchQuery& q) {
    try {
        return reader_db_->facets(q.category_id);
    } catch (const std::exception& e) {
        spdlog::warn("facets: {}", e.what());
        return {};
    }
}

void Services::run(const Effect& effect) {
    std::visit(
        [&](const auto& e) {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, fx::RunSearch>) {
                note_generation(e.listing, e.generation);
                reader_->post([this, e] {
                    if (superseded(e.listing, e.generation)) return;  // the shopper typed on: dropped unread
                    if (!search_) load_catalog();
                    const auto here = products_here();
                    SearchPage page = search_->run(e.query, here);
                    act::PageLoaded out{e.listing, e.generation, e.page, page.total, {}, page.total_is_lower_bound, page.suggestion};
                    for (const SearchHit& h : page.hits)
                        if (auto p = reader_db_->product(h.product_id))  // the variant scanned, or the one typed
                            out.tiles.push_back(tile_of(*p, h.sku.empty() ? variant_matching(*p, page) : h.sku));
                    inbox_.post(std::move(out));
                });
            } else if constexpr (std::is_same_v<E, fx::LoadFacets>) {
                note_generation(e.listing, e.generation);
                reader_->post([this, e] {
                    if (superseded(e.listing, e.generation)) return;
                    if (!search_) load_catalog();
                    inbox_.post(act::FacetsLoaded{e.listing, e.generation, facets_of(e.query)});
                });
            } else if constexpr (std::is_same_v<E, fx::LoadProduct>) {
                reader_->post([this, e] {
                    if (!search_) load_catalog();
                    inbox_.post(act::ProductLoaded{e.request, reader_db_->product(e.id)});
                });
            } else if constexpr (std::is_same_v<E, fx::Lookup>) {
                reader_->post([this, e] {
                    if (!search_) load_catalog();
                    auto found = reader_db_->lookup_code(e.code);
                    if (found) inbox_.post(act::LookupDone{e.code, found->first.id, found->second});
                    else inbox_.post(act::LookupDone{e.code, std::nullopt, ""});
                });
            } else if constexpr (std::is_same_v<E, fx::FetchStock>) {
                // What is cached now, at once; the fresh answer when it arrives.
                auto cache = stock();
                act::StockUpdate now;
                for (const std::string& sku : e.skus) now.stock[sku] = stock_of(*cache, sku);
                inbox_.post(now);
                auto skus = e.skus;
                std::weak_ptr<AvailabilityCache> weak = cache;
                cache->request(skus, [this, skus, weak] {
                    auto live = weak.lock();
                    if (!live) return;
                    act::StockUpdate up;
                    bool any_known = false;
                    for (const std::string& sku : skus) {
                        up.stock[sku] = stock_of(*live, sku);
                        up.stock[sku].loading = false;
                        any_known |= up.stock[sku].known;
                    }
                    inbox_.post(std::move(up));
                    if (!any_known && !skus.empty()) {
                        const StockView v = live->get(skus.front());
                        if (!v.error.empty()) inbox_.post(act::Online{false});
                    }
                });
            } else if constexpr (std::is_same_v<E, fx::RequestQuote>) {
                std::vector<catalog_client::QuoteItem> lines;
                for (const auto& [sku, qty] : e.lines) lines.push_back(catalog_client::QuoteItem{sku, qty});
                const std::uint64_t request = e.request;
                api_->quote(lines, [this, request](Result<Quote> r) {
                    if (r) {
                        inbox_.post(act::QuoteDone{request, r.value(), ""});
                        return;
                    }
                    spdlog::warn("quote: {}", describe(r.error()));
                    const bool offline = is_offline_error(r.error());
                    if (offline) inbox_.post(act::Online{false});
                    inbox_.post(act::QuoteDone{request, std::nullopt,
                                               offline ? "checkout.unavailable" : "checkout.quote_failed"});
                });
            } else if constexpr (std::is_same_v<E, fx::CreateHandoff>) {
                std::vector<catalog_client::QuoteItem> lines;
                for (const auto& [sku, qty] : e.lines) lines.push_back(catalog_client::QuoteItem{sku, qty});
                const std::uint64_t request = e.request;
                api_->create_handoff(lines, [this, request](Result<HandoffLink> r) {
                    if (!r) spdlog::warn("hand-off: {}", describe(r.error()));
                    if (!r && is_offline_error(r.error())) inbox_.post(act::Online{false});
                    inbox_.post(act::HandoffMade{request, r.ok(), r ? r.value().url : std::string()});
                });
            } else if constexpr (std::is_same_v<E, fx::Print>) {
                if (!printer_) return;
                printer_->post([this, ticket = e.ticket] {
                    const auto error = write_ticket(cfg_.printer_device, escpos(ticket, cfg_.printer_columns));
                    if (error) spdlog::warn("ticket of order {}: {}", ticket.order_number, *error);
                    else spdlog::info("ticket of order {} printed", ticket.order_number);
                    inbox_.post(act::TicketPrinted{ticket.order_number, !error});
                });
            } else if constexpr (std::is_same_v<E, fx::Track>) {
                orders_->post([this, e] {
                    const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
                    const std::string session = boot_id_ + "-" + std::to_string(e.session);
                    const bool kept = e.kind == "search" ? usage_->record_search(e.detail, e.value, now, session)
                                                         : usage_->record(e.kind, e.detail, e.value, now, session);
                    if (!kept) spdlog::warn("usage event {} not kept: disk error", e.kind);
                });
            } else if constexpr (std::is_same_v<E, fx::SendHeartbeat>) {
                // The outbox's depth is read where the outbox lives; one heartbeat at a time.
                if (!telemetry_->idle()) return;
                orders_->post([this, error = e.last_error] {
                    const auto depth = static_cast<std::int64_t>(outbox_->list(true).size());
                    telemetry_->post([this, error, depth] { send_heartbeat(error, depth); });
                });
            } else if constexpr (std::is_same_v<E, fx::SubmitOrder>) {
                orders_->post([this, request = e.request, order = e.order, staff = e.staff_session] {
                    auto entry = outbox_->enqueue(order, staff);
                    if (!entry) {
                        spdlog::error("outbox: cannot record the order: {}", describe(entry.error()));
                        act::OrderUpdate u;
                        u.request = request;
                        u.kind = act::OrderUpdate::Kind::Failed;
                        u.error = describe(entry.error());
                        inbox_.post(u);
                        return;
                    }
                    send_order(request, entry.value().id);
                });
            } else if constexpr (std::is_same_v<E, fx::RetryOrder>) {
                orders_->post([this, e] {
                    send_order(e.request, e.outbox_id);
                    // Orders of earlier sessions still pending (a later order took their place
                    // in the state) go with it: none waits for a restart.
                    std::vector<OrderOutcome> others;
                    for (const OutboxEntry& pending : outbox_->list(true))
                        if (pending.id != e.outbox_id) others.push_back(outbox_->send(pending.id, *api_));
                    log_outcomes(others);
                });
            } else if constexpr (std::is_same_v<E, fx::CheckHealth>) {
                ++*health_in_flight_;
                auto flight = health_in_flight_;
                Inbox* inbox = &inbox_;
                api_->health([flight, inbox](Result<Unit> r) {
                    --*flight;
                    // Cancelled only at shutdown: nobody is left to hear it.
                    if (r.ok() || r.error().kind != ErrorKind::Cancelled) inbox->post(act::HealthChecked{r.ok()});
                });
            } else if constexpr (std::is_same_v<E, fx::SyncCatalog>) {
                storage_->post([this] { sync_now(false); });
            } else if constexpr (std::is_same_v<E, fx::SetStore>) {
                set_store(e.store_id);
            } else if constexpr (std::is_same_v<E, fx::OpenStaffSession>) {
                const std::uint64_t request = e.request;
                api_->open_staff_session(e.pin, e.badge, [this, request](Result<StaffSession> r) {
                    act::StaffSessionAnswer a;
                    a.request = request;
                    if (r) {
                        spdlog::info("staff session opened");  // who, never: the log carries no staff data
                        a.session = r.value();
                    } else {
                        const Error& err = r.error();
                        if (err.kind == ErrorKind::Cancelled) return;
                        a.code = is_offline_error(err) ? "offline" : err.code;
                        a.tries_left = static_cast<int>(err.problem.tries_left.value_or(-1));
                        a.retry_after_s = err.retry_after_s;
                        spdlog::warn("staff session refused: {}", describe(err));
                    }
                    inbox_.post(std::move(a));
                });
            } else if constexpr (std::is_same_v<E, fx::CloseStaffSession>) {
                api_->close_staff_session(e.token, [](Result<Unit> r) {
                    if (!r && r.error().kind != ErrorKind::Cancelled)
                        spdlog::warn("staff session close: {} (it expires by itself)", describe(r.error()));
                });
            } else if constexpr (std::is_same_v<E, fx::FetchCustomer>) {
                const std::uint64_t request = e.request;
                api_->customer(e.card, e.token, [this, request](Result<CustomerHistory> r) {
                    if (!r && r.error().kind == ErrorKind::Cancelled) return;
                    act::CustomerFound a;
                    a.request = request;
                    if (r) a.history = std::move(r).value();
                    else a.error = lookup_error(r.error(), "staff.customer.not_found");
                    inbox_.post(std::move(a));
                });
            } else if constexpr (std::is_same_v<E, fx::FetchOrders>) {
                const std::uint64_t request = e.request;
                auto answer = [this, request](std::vector<Order> orders, const Error* err) {
                    if (err && err->kind == ErrorKind::Cancelled) return;
                    act::OrdersFound a;
                    a.request = request;
                    a.orders = std::move(orders);
                    if (err) a.error = lookup_error(*err, "staff.orders.not_found");
                    inbox_.post(std::move(a));
                };
                if (staff_order_number(e.query))
                    api_->order(e.query, [answer](Result<Order> r) {
                        if (r) answer({r.value()}, nullptr);
                        else answer({}, &r.error());
                    });
                else
                    api_->orders_by_card(e.query, e.token, [answer](Result<std::vector<Order>> r) {
                        if (r) answer(r.value(), nullptr);
                        else answer({}, &r.error());
                    });
            }  // ResetSession and ApplyLook are the App's
        },
        effect);
}

void Services::send_order(std::uint64_t request, std::int64_t id) {
    const OrderOutcome sent = outbox_->send(id, *api_);
    act::OrderUpdate u;
    u.request = request;
    u.outbox_id = id;
    switch (sent.state) {
        case OutboxState::Acknowledged:
            u.kind = act::OrderUpdate::Kind::Acknowledged;
            u.order = sent.order;
            break;
        case OutboxState::Rejected:
            u.kind = act::OrderUpdate::Kind::Rejected;
            u.rejection = sent.rejection;
            break;
        case OutboxState::Pending:
            u.kind = act::OrderUpdate::Kind::Pending;
            u.error = sent.error;
            break;
    }
    log_outcomes({sent});
    inbox_.post(std::move(u));
}

void Services::log_outcomes(const std::vector<OrderOutcome>& outcomes) {
    for (const OrderOutcome& o : outcomes) {
        if (o.state == OutboxState::Acknowledged && o.order) {
            log_event(spdlog::level::info, "order " + o.order->number + " acknowledged",
                      {{"KIOSK_EVENT", "order_acknowledged"}, {"KIOSK_ORDER", o.order->number}});
        } else if (o.state == OutboxState::Rejected) {
            const std::string code = o.rejection ? o.rejection->code : "";
            log_event(spdlog::level::info, "order rejected: " + code, {{"KIOSK_EVENT", "order_rejected"}, {"KIOSK_ERROR_KIND", code}});
        } else {
            log_event(spdlog::level::warn, "order (outbox entry " + std::to_string(o.outbox_id) + ") not confirmed yet: " + o.error,
                      {{"KIOSK_EVENT", "order_pending"}, {"KIOSK_OUTBOX_ENTRY", std::to_string(o.outbox_id)}});
        }
    }
}

void Services::note_generation(ListingKind listing, std::uint64_t generation) {
    auto& latest = latest_generation_[static_cast<std::size_t>(listing)];
    std::uint64_t seen = latest.load();
    while (seen < generation && !latest.compare_exchange_weak(seen, generation)) {
    }
}

bool Services::superseded(ListingKind listing, std::uint64_t generation) const {
    return generation < latest_generation_[static_cast<std::size_t>(listing)].load();
}

}  // namespace kiosk
