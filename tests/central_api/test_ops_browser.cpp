// The /ops page in a real browser: Debian's chromium, headless, driven over the DevTools
// protocol on a pipe (--remote-debugging-pipe: JSON messages ending in NUL on fds 3 and 4).
// It signs in through the form, follows the redirect with its cookie, and checks that the
// fleet table and the chart are laid out. A screenshot is written to $KIOSK_TEST_SHOTS when set.
#include "harness.hpp"

#include "central_api/credentials.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

using testing::Harness;
using testing::json;

namespace {

constexpr const char* kChromium = "/usr/bin/chromium";

class Browser {
public:
    explicit Browser(const std::string& profile_dir) {
        int to_child[2], from_child[2];
        REQUIRE(pipe2(to_child, O_CLOEXEC) == 0);
        REQUIRE(pipe2(from_child, O_CLOEXEC) == 0);
        pid_ = fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            // fds 3 (commands in) and 4 (answers out), as --remote-debugging-pipe expects.
            const int in = fcntl(to_child[0], F_DUPFD, 10), out = fcntl(from_child[1], F_DUPFD, 10);
            dup2(in, 3);
            dup2(out, 4);
            const int null = open("/dev/null", O_RDWR);
            dup2(null, 0);
            dup2(null, 1);
            dup2(null, 2);
            const std::string profile = "--user-data-dir=" + profile_dir;
            execl(kChromium, "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
                  "--no-first-run", "--disable-extensions", "--disable-background-networking", "--disable-sync",
                  "--window-size=1280,1800", profile.c_str(), "about:blank", static_cast<char*>(nullptr));
            _exit(127);
        }
        close(to_child[0]);
        close(from_child[1]);
        to_ = to_child[1];
        from_ = from_child[0];
    }
    ~Browser() {
        if (to_ >= 0) close(to_);  // chromium exits when its pipe closes
        if (from_ >= 0) close(from_);
        if (pid_ > 0) {
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
            int status = 0;
            while (waitpid(pid_, &status, WNOHANG) == 0) {
                if (std::chrono::steady_clock::now() > deadline) {
                    kill(pid_, SIGKILL);
                    waitpid(pid_, &status, 0);
                    break;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        }
    }
    Browser(const Browser&) = delete;
    Browser& operator=(const Browser&) = delete;

    // Sends a command and waits (at most 30 s) for its answer; events in between are dropped.
    json call(const std::string& method, const json& params = json::object(), const std::string& session = "") {
        const int id = ++next_id_;
        json message = {{"id", id}, {"method", method}, {"params", params}};
        if (!session.empty()) message["sessionId"] = session;
        std::string bytes = message.dump();
        bytes.push_back('\0');
        for (std::size_t sent = 0; sent < bytes.size();) {
            const ssize_t n = write(to_, bytes.data() + sent, bytes.size() - sent);
            REQUIRE_MESSAGE(n > 0, "chromium closed its pipe");
            sent += static_cast<std::size_t>(n);
        }
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        for (;;) {
            for (std::size_t end = buffer_.find('\0'); end != std::string::npos; end = buffer_.find('\0')) {
                json answer = json::parse(buffer_.substr(0, end), nullptr, false);
                buffer_.erase(0, end + 1);
                if (answer.is_object() && answer.value("id", 0) == id) {
                    REQUIRE_MESSAGE(!answer.contains("error"), method << ": " << answer["error"].dump());
                    return answer["result"];
                }
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
            REQUIRE_MESSAGE(left > 0, "no answer from chromium to " << method);
            pollfd p{from_, POLLIN, 0};
            if (poll(&p, 1, static_cast<int>(left)) <= 0) continue;
            char chunk[65536];
            const ssize_t n = read(from_, chunk, sizeof chunk);
            REQUIRE_MESSAGE(n > 0, "chromium exited");
            buffer_.append(chunk, static_cast<std::size_t>(n));
        }
    }

    // A page's value of a JavaScript expression.
    json eval(const std::string& session, const std::string& expression) {
        json r = call("Runtime.evaluate", {{"expression", expression}, {"returnByValue", true}}, session);
        REQUIRE_MESSAGE(!r.contains("exceptionDetails"), expression << ": " << r["exceptionDetails"].dump());
        return r["result"].value("value", json(nullptr));
    }

    // Waits (at most 30 s) until the page has loaded `path`.
    void wait_for(const std::string& session, const std::string& path) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        std::string seen;
        while (std::chrono::steady_clock::now() < deadline) {
            seen = eval(session, "document.readyState + ' ' + location.pathname").get<std::string>();
            if (seen == "complete " + path) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        FAIL("the page did not load " << path << " (last: " << seen << ")");
    }

private:
    pid_t pid_ = -1;
    int to_ = -1, from_ = -1;
    int next_id_ = 0;
    std::string buffer_;
};

}  // namespace

TEST_CASE("/ops in headless chromium: sign in, the fleet table and the chart render") {
    REQUIRE_MESSAGE(access(kChromium, X_OK) == 0, "chromium is missing: run deploy/setup.sh");
    Harness h;
    // One order from Paris Rivoli and a heartbeat, so the chart has a bar and one kiosk is fine.
    REQUIRE(h.post("/v1/kiosks/heartbeat", json{{"version", "1.4.2"}, {"outbox_depth", 0}, {"uptime_s", 60}}).status == 204);
    const std::string sku = testing::stock_only_at(h, "paris-rivoli", 3);
    REQUIRE(h.post("/v1/orders", testing::order_body(h, sku, 1, "paris-rivoli"), {{"Idempotency-Key", "b-1"}}).status == 201);
    std::string token;
    {
        auto db = h.open_db();
        token = central_api::create_operator(*db, "browser test", h.now()).token;
    }

    testing::TempDir profile;
    Browser browser(profile.path);
    const std::string target = browser.call("Target.createTarget", {{"url", h.url() + "/ops"}})["targetId"];
    const std::string session = browser.call("Target.attachToTarget", {{"targetId", target}, {"flatten", true}})["sessionId"];
    browser.wait_for(session, "/ops/login");  // redirected: no cookie yet
    browser.eval(session, "document.querySelector('input[name=token]').value = '" + token +
                              "'; document.querySelector('form').submit(); true");
    browser.wait_for(session, "/ops");

    const json seen = browser.eval(session, R"js((() => {
        const chart = document.querySelector('svg.chart');
        const bars = [...document.querySelectorAll('svg.chart rect.bar')].map(r => {
            const b = r.getBoundingClientRect();
            return {store: r.dataset.store, width: b.width, height: b.height};
        });
        const table = document.querySelector('table.fleet');
        return {
            rows: document.querySelectorAll('table.fleet tbody tr').length,
            overdue: document.querySelectorAll('table.fleet tbody tr.overdue').length,
            table_width: table ? table.getBoundingClientRect().width : 0,
            first_kiosk: document.querySelector('table.fleet tbody tr td').textContent,
            chart_width: chart ? chart.getBoundingClientRect().width : 0,
            chart_height: chart ? chart.getBoundingClientRect().height : 0,
            bars: bars,
            cookie: document.cookie,
            orders: document.querySelector('#card-orders b').textContent
        };
    })())js");
    CHECK(seen["rows"] == 40);
    CHECK(seen["overdue"] == 39);
    CHECK(seen["table_width"].get<double>() > 600);
    CHECK(seen["chart_width"].get<double>() > 600);
    CHECK(seen["chart_height"].get<double>() > 200);
    REQUIRE(seen["bars"].size() == 1);
    CHECK(seen["bars"][0]["store"] == "paris-rivoli");
    CHECK(seen["bars"][0]["height"].get<double>() > 10);
    CHECK(seen["bars"][0]["width"].get<double>() > 3);
    CHECK(seen["cookie"] == "");  // HttpOnly: no script sees it
    CHECK(seen["orders"] == "1");

    if (const char* shots = std::getenv("KIOSK_TEST_SHOTS")) {
        const json shot = browser.call("Page.captureScreenshot", {{"format", "png"}}, session);
        const std::string data = shot["data"];
        std::string png;
        // base64 decoding, enough for a screenshot
        int bits = 0, value = 0;
        for (char c : data) {
            int v = c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26 : c >= '0' && c <= '9' ? c - '0' + 52
                    : c == '+' ? 62 : c == '/' ? 63 : -1;
            if (v < 0) continue;
            value = (value << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                png.push_back(static_cast<char>((value >> bits) & 0xFF));
            }
        }
        std::filesystem::create_directories(shots);
        std::ofstream(std::string(shots) + "/ops.png", std::ios::binary) << png;
    }
}
