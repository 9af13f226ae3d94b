#include "tcp_proxy.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>

namespace testing {

namespace {

constexpr int kWaitMs = 60000;                  // any single wait of the proxy
constexpr std::size_t kMaxRequest = 64u << 20;  // what a test sends is far smaller

// Waits until `fd` is readable; false on timeout or when the proxy is stopping (`wake` readable).
bool readable(int fd, int wake) {
    pollfd p[2] = {{fd, POLLIN, 0}, {wake, POLLIN, 0}};
    int rc;
    do rc = ::poll(p, 2, kWaitMs);
    while (rc < 0 && errno == EINTR);
    return rc > 0 && !(p[1].revents & POLLIN) && (p[0].revents & (POLLIN | POLLHUP | POLLERR));
}

bool send_all(int fd, const std::string& data) {
    std::size_t sent = 0;
    while (sent < data.size()) {
        ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Reads one request (head and Content-Length body) into `head` and `body`; false if it did not
// come whole.
bool read_request(int fd, int wake, std::string& head, std::string& body) {
    std::string data;
    std::size_t end = std::string::npos;
    char buf[65536];
    while ((end = data.find("\r\n\r\n")) == std::string::npos) {
        if (data.size() > (64u << 10) || !readable(fd, wake)) return false;
        ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) return false;
        data.append(buf, static_cast<std::size_t>(n));
    }
    head = data.substr(0, end + 2);  // with the last header's CRLF
    std::size_t length = 0;
    for (std::size_t at = head.find("\r\n") + 2; at < head.size();) {
        std::size_t eol = head.find("\r\n", at);
        std::string line = head.substr(at, eol - at);
        at = eol + 2;
        auto colon = line.find(':');
        if (colon != std::string::npos && lower(line.substr(0, colon)) == "content-length")
            length = std::stoull(line.substr(colon + 1));
    }
    if (length > kMaxRequest) return false;
    body = data.substr(end + 4);
    while (body.size() < length) {
        if (!readable(fd, wake)) return false;
        ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) return false;
        body.append(buf, static_cast<std::size_t>(n));
    }
    body.resize(length);
    return true;
}

// The request head with its connection headers replaced by "Connection: close".
std::string closing_head(const std::string& head) {
    std::string out;
    std::size_t at = 0;
    bool first = true;
    while (at < head.size()) {
        std::size_t eol = head.find("\r\n", at);
        std::string line = head.substr(at, eol - at);
        at = eol + 2;
        std::string name = lower(line.substr(0, line.find(':')));
        if (!first && (name == "connection" || name == "keep-alive" || name == "proxy-connection"))
            continue;
        out += line + "\r\n";
        first = false;
    }
    return out + "Connection: close\r\n\r\n";
}

}  // namespace

TcpProxy::TcpProxy(int target_port) : target_port_(target_port) {
    if (::pipe(wake_) != 0) throw std::runtime_error("pipe failed");
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (listen_fd_ < 0 ||
        ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(listen_fd_, 64) != 0)
        throw std::runtime_error("the test proxy cannot listen");
    socklen_t len = sizeof addr;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    acceptor_ = std::thread([this] { accept_loop(); });
}

TcpProxy::~TcpProxy() {
    stopping_ = true;
    release();
    (void)!::write(wake_[1], "x", 1);  // every poll of the proxy wakes up and gives up
    acceptor_.join();
    std::vector<std::thread> workers;
    {
        std::lock_guard lock(mutex_);
        workers.swap(workers_);
    }
    for (auto& t : workers) t.join();
    ::close(listen_fd_);
    ::close(wake_[0]);
    ::close(wake_[1]);
}

void TcpProxy::script(const std::string& method_path, Action action, int times) {
    std::lock_guard lock(mutex_);
    for (int i = 0; i < times; ++i) scripts_[method_path].push_back(action);
}

int TcpProxy::count(const std::string& method_path) {
    std::lock_guard lock(mutex_);
    auto it = counts_.find(method_path);
    return it == counts_.end() ? 0 : it->second;
}

bool TcpProxy::wait_held() {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, std::chrono::milliseconds(kWaitMs), [&] { return held_ > 0; });
}

void TcpProxy::release() {
    std::lock_guard lock(mutex_);
    released_ = true;
    changed_.notify_all();
}

void TcpProxy::name_paths(const std::string& prefix, const std::string& suffix, const std::string& name) {
    std::lock_guard lock(mutex_);
    names_.push_back({prefix, suffix, name});
}

TcpProxy::Action TcpProxy::next_action(const std::string& path_key) {
    std::lock_guard lock(mutex_);
    std::string key = path_key;
    for (const auto& n : names_)
        if (key.size() >= n.prefix.size() + n.suffix.size() && key.compare(0, n.prefix.size(), n.prefix) == 0 &&
            key.compare(key.size() - n.suffix.size(), n.suffix.size(), n.suffix) == 0)
            key = n.name;
    ++counts_[key];
    auto& queue = scripts_[key];
    if (queue.empty()) return Action::Forward;
    Action a = queue.front();
    queue.pop_front();
    return a;
}

void TcpProxy::accept_loop() {
    while (!stopping_) {
        if (!readable(listen_fd_, wake_[0])) {
            if (stopping_) return;
            continue;  // a quiet minute: keep listening
        }
        int client = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) continue;
        std::lock_guard lock(mutex_);
        workers_.emplace_back([this, client] {
            handle(client);
            ::close(client);
        });
    }
}

void TcpProxy::handle(int client) {
    std::string head, body;
    if (!read_request(client, wake_[0], head, body)) return;
    std::string line = head.substr(0, head.find("\r\n"));
    std::string method = line.substr(0, line.find(' '));
    std::string target = line.substr(method.size() + 1);
    target = target.substr(0, target.find(' '));
    std::string key = method + " " + target.substr(0, target.find('?'));
    const Action action = next_action(key);
    auto hold = [&] {
        std::unique_lock lock(mutex_);
        ++held_;
        changed_.notify_all();
        changed_.wait_for(lock, std::chrono::milliseconds(kWaitMs),
                          [&] { return released_ || stopping_.load(); });
    };
    if (action == Action::HoldBeforeForward) {
        hold();
        return;  // closed: the server never saw it
    }
    int upstream = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(target_port_));
    if (upstream < 0 || ::connect(upstream, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        if (upstream >= 0) ::close(upstream);
        return;
    }
    std::string answer;
    if (send_all(upstream, closing_head(head) + body)) {
        char buf[65536];
        while (readable(upstream, wake_[0])) {  // the server closes after its answer
            ssize_t n = ::recv(upstream, buf, sizeof buf, 0);
            if (n <= 0) break;
            answer.append(buf, static_cast<std::size_t>(n));
        }
    }
    ::close(upstream);
    if (action == Action::LoseAnswer) return;
    if (action == Action::HoldAfterAnswer) {
        hold();
        return;
    }
    send_all(client, answer);
    ::shutdown(client, SHUT_WR);
}

}  // namespace testing
