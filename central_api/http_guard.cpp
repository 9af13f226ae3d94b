#include "central_api/http_guard.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>

namespace central_api {

namespace {

int to_ms(time_t sec, time_t usec) { return static_cast<int>(sec * 1000 + usec / 1000); }

// poll() for one event on one socket, retried on EINTR: >0 ready, 0 timed out, <0 error.
int wait_for(socket_t sock, short events, int ms) {
    for (;;) {
        pollfd p{sock, events, 0};
        int r = ::poll(&p, 1, ms);
        if (r < 0 && errno == EINTR) continue;
        return r;
    }
}

void address_of(const sockaddr_storage& a, std::string& ip, int& port) {
    char text[INET6_ADDRSTRLEN] = {};
    if (a.ss_family == AF_INET) {
        const auto* v4 = reinterpret_cast<const sockaddr_in*>(&a);
        ::inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
        port = ntohs(v4->sin_port);
    } else if (a.ss_family == AF_INET6) {
        const auto* v6 = reinterpret_cast<const sockaddr_in6*>(&a);
        ::inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
        port = ntohs(v6->sin6_port);
    }
    ip = text;
}

// A socket stream whose reads end at a budget of bytes per request (see the header). It keeps
// its read-ahead buffer across the requests of a connection, so pipelined requests are kept.
class BoundedStream final : public httplib::Stream {
public:
    BoundedStream(socket_t sock, int read_ms, int write_ms) : sock_(sock), read_ms_(read_ms), write_ms_(write_ms) {}

    bool is_readable() const override { return pos_ < end_ || wait_for(sock_, POLLIN, read_ms_) > 0; }
    bool is_writable() const override { return wait_for(sock_, POLLOUT, write_ms_) > 0; }

    ssize_t read(char* ptr, size_t size) override {
        if (delivered_ >= limit_) {
            hit_ = true;
            return 0;  // the end of what this request may read
        }
        if (pos_ == end_) {
            if (wait_for(sock_, POLLIN, read_ms_) <= 0) return -1;
            ssize_t n;
            do {
                n = ::recv(sock_, buffer_, sizeof buffer_, 0);
            } while (n < 0 && errno == EINTR);
            if (n <= 0) return n;
            pos_ = 0;
            end_ = static_cast<std::size_t>(n);
        }
        std::size_t n = std::min({size, end_ - pos_, limit_ - delivered_});
        std::memcpy(ptr, buffer_ + pos_, n);
        pos_ += n;
        delivered_ += n;
        return static_cast<ssize_t>(n);
    }

    ssize_t write(const char* ptr, size_t size) override {
        if (!is_writable()) return -1;
        ssize_t n;
        do {
            n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
        } while (n < 0 && errno == EINTR);
        return n;
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        sockaddr_storage a{};
        socklen_t len = sizeof a;
        if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&a), &len) == 0) address_of(a, ip, port);
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        sockaddr_storage a{};
        socklen_t len = sizeof a;
        if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&a), &len) == 0) address_of(a, ip, port);
    }
    socket_t socket() const override { return sock_; }

    // Waits up to `seconds` for the next request (bytes or the client's close), giving up early
    // when the server stops listening.
    // Waits for a request: at most `seconds`; for a next request on a kept-alive connection
    // (`first` false), no longer than the current 100 ms slice once another connection waits
    // for a worker. A new connection always gets its whole wait for its first request.
    bool wait_for_request(time_t seconds, const std::atomic<socket_t>& listening, const std::atomic<int>& waiting,
                          bool first) const {
        if (pos_ < end_) return true;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
        while (listening != INVALID_SOCKET && std::chrono::steady_clock::now() < deadline) {
            const bool yield = !first && waiting > 0;
            int r = wait_for(sock_, POLLIN, yield ? 0 : 100);
            if (r != 0) return r > 0;
            if (yield) return false;
        }
        return false;
    }

    void begin_request(std::size_t head_bytes) {
        limit_ = delivered_ + head_bytes;
        hit_ = false;
    }
    void allow(std::size_t bytes) { limit_ = delivered_ + bytes; }
    void request_close() { close_ = true; }
    bool hit() const { return hit_; }
    bool closing() const { return close_ || hit_; }

    // Stops sending, then reads and drops what the client still sends, briefly, so that it reads
    // the answer before the connection goes.
    void linger() {
        ::shutdown(sock_, SHUT_WR);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(200);
        std::size_t drained = 0;
        while (drained < 256 * 1024) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
            if (left <= 0 || wait_for(sock_, POLLIN, static_cast<int>(left)) <= 0) break;
            ssize_t n = ::recv(sock_, buffer_, sizeof buffer_, 0);
            if (n <= 0) break;
            drained += static_cast<std::size_t>(n);
        }
    }

private:
    socket_t sock_;
    int read_ms_, write_ms_;
    char buffer_[16384];
    std::size_t pos_ = 0, end_ = 0;
    std::size_t delivered_ = 0, limit_ = 0;
    bool hit_ = false, close_ = false;
};

thread_local BoundedStream* current = nullptr;

struct CurrentConnection {
    explicit CurrentConnection(BoundedStream* s) { current = s; }
    ~CurrentConnection() { current = nullptr; }
    CurrentConnection(const CurrentConnection&) = delete;
    CurrentConnection& operator=(const CurrentConnection&) = delete;
};

}  // namespace

namespace {

// httplib's pool of workers, counting the connections that wait for one.
class CountingPool : public httplib::TaskQueue {
public:
    CountingPool(std::size_t threads, std::shared_ptr<std::atomic<int>> waiting)
        : pool_(threads), waiting_(std::move(waiting)) {}
    void enqueue(std::function<void()> fn) override {
        ++*waiting_;
        pool_.enqueue([waiting = waiting_, fn = std::move(fn)] {
            --*waiting;
            fn();
        });
    }
    void shutdown() override { pool_.shutdown(); }

private:
    httplib::ThreadPool pool_;
    std::shared_ptr<std::atomic<int>> waiting_;
};

}  // namespace

GuardedHttpServer::GuardedHttpServer(std::size_t max_head_bytes, std::size_t threads) : max_head_bytes_(max_head_bytes) {
    auto waiting = waiting_;
    new_task_queue = [threads, waiting] { return new CountingPool(threads, waiting); };
}

void GuardedHttpServer::allow_body(std::size_t wire_bytes) {
    if (current) current->allow(wire_bytes);
}
void GuardedHttpServer::close_after_response() {
    if (current) current->request_close();
}
bool GuardedHttpServer::budget_hit() { return current && current->hit(); }
bool GuardedHttpServer::closing() { return current && current->closing(); }

bool GuardedHttpServer::process_and_close_socket(socket_t sock) {
    bool ret = false;
    {
        BoundedStream stream(sock, to_ms(read_timeout_sec_, read_timeout_usec_),
                             to_ms(write_timeout_sec_, write_timeout_usec_));
        CurrentConnection bound(&stream);
        for (std::size_t left = keep_alive_max_count_; left > 0; --left) {
            if (!stream.wait_for_request(keep_alive_timeout_sec_, svr_sock_, *waiting_, left == keep_alive_max_count_)) break;
            stream.begin_request(max_head_bytes_);
            bool connection_closed = false;
            ret = process_request(stream, left == 1, connection_closed, nullptr);
            if (!ret || connection_closed || stream.closing()) break;
        }
        if (stream.closing()) stream.linger();
    }
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return ret;
}

}  // namespace central_api
