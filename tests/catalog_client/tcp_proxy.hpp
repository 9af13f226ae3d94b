#pragma once
// A loopback HTTP/1.1 proxy for tests, between a client and an in-process server: it reads each
// request whole, counts it ("POST /v1/orders"), and forwards it — or, as the test scripted for
// that request, loses the server's answer after the server committed, or holds the request
// before or after the server handled it until the test releases it (to kill the client
// meanwhile). One request per connection (it answers with Connection: close).
//
// Threads: an accept thread and one thread per connection, all joined by the destructor. Every
// method is thread-safe. Waits are bounded (60 s) and report whether the condition came.

#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace testing {

class TcpProxy {
  public:
    enum class Action {
        Forward,            // the server's answer goes back to the client
        LoseAnswer,         // forwarded; the server's answer is dropped and the connection closed
        HoldBeforeForward,  // held until release(); then closed without forwarding
        HoldAfterAnswer,    // forwarded; the answer is held until release(), then dropped
    };

    explicit TcpProxy(int target_port);
    ~TcpProxy();
    TcpProxy(const TcpProxy&) = delete;
    TcpProxy& operator=(const TcpProxy&) = delete;

    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    // The next `times` requests "METHOD /path" (query left out) get `action`; later ones are
    // forwarded.
    void script(const std::string& method_path, Action action, int times = 1);
    // Requests whose "METHOD /path" starts with `prefix` and ends with `suffix` are counted and
    // scripted as `name` ("POST /store/carts/*/complete": paths that carry an id).
    void name_paths(const std::string& prefix, const std::string& suffix, const std::string& name);
    // Requests received so far for "METHOD /path".
    int count(const std::string& method_path);
    // Waits (at most 60 s) until a request is held; false if none came.
    bool wait_held();
    // Lets every held request go on (and those held later).
    void release();

  private:
    void accept_loop();
    void handle(int client);
    Action next_action(const std::string& key);

    int target_port_;
    int listen_fd_ = -1, port_ = 0;
    int wake_[2] = {-1, -1};
    std::atomic<bool> stopping_{false};
    std::thread acceptor_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::thread> workers_;
    std::map<std::string, int> counts_;
    std::map<std::string, std::deque<Action>> scripts_;
    struct PathName {
        std::string prefix, suffix, name;
    };
    std::vector<PathName> names_;
    int held_ = 0;
    bool released_ = false;
};

}  // namespace testing
