#pragma once
// A thin RAII layer over SQLite, shared by the kiosk's replica and outbox and by the reference
// server. One Db is one connection: use it from one thread at a time (DbPool shares several).
// Every failure throws DbError with SQLite's message; statements are finalised on scope exit.

#include <sqlite3.h>

#include <cstdint>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace catalog_client {

struct DbError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Stmt {
public:
    Stmt(sqlite3* db, std::string_view sql);
    ~Stmt();
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    Stmt(Stmt&& other) noexcept;

    // Binding is 1-based, as in SQLite. Returns *this so calls chain.
    Stmt& bind(int index, std::int64_t value);
    Stmt& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Stmt& bind(int index, double value);
    Stmt& bind(int index, std::string_view value);
    Stmt& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Stmt& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Stmt& bind_blob(int index, std::string_view bytes);
    Stmt& bind_null(int index);

    // Steps once: true when a row is available, false when done.
    bool step();
    // Runs to completion (for statements without rows).
    void run();
    void reset();

    std::int64_t integer(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::string_view text_view(int column) const;  // valid until the next step/reset
    std::string_view blob_view(int column) const;  // the same, as stored (a text value as is)
    bool is_null(int column) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

class Db {
public:
    enum class Mode { ReadWrite, ReadWriteCreate, ReadOnly };
    Db(const std::string& path, Mode mode);
    ~Db();
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    void exec(std::string_view sql);
    Stmt prepare(std::string_view sql) { return Stmt(handle_, sql); }
    std::int64_t changes() const { return sqlite3_changes(handle_); }
    std::int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(handle_); }
    sqlite3* handle() { return handle_; }

    // Reads meta(key) or nullopt; writes meta(key).
    std::optional<std::string> meta(std::string_view key);
    void set_meta(std::string_view key, std::string_view value);

private:
    sqlite3* handle_ = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back when the scope is left without commit().
class Transaction {
public:
    explicit Transaction(Db& db, bool immediate = true);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Db& db_;
    bool done_ = false;
};

// A fixed set of connections to one database file, shared by the server's worker threads.
// acquire() blocks until a connection is free. Thread-safe.
class DbPool {
public:
    DbPool(std::string path, std::size_t size);
    class Lease {
    public:
        Lease(DbPool& pool, std::unique_ptr<Db> db) : pool_(&pool), db_(std::move(db)) {}
        Lease(Lease&&) = default;
        ~Lease();
        Db& operator*() { return *db_; }
        Db* operator->() { return db_.get(); }

    private:
        DbPool* pool_;
        std::unique_ptr<Db> db_;
    };
    Lease acquire();
    const std::string& path() const { return path_; }

private:
    std::string path_;
    std::mutex mutex_;
    std::condition_variable available_;
    std::vector<std::unique_ptr<Db>> free_;
};

}  // namespace catalog_client
