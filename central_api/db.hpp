#pragma once
// The reference server uses the SQLite layer of catalog_client (shared code, no UI).

#include "catalog_client/sqlite.hpp"

namespace central_api {
using catalog_client::Db;
using catalog_client::DbError;
using catalog_client::DbPool;
using catalog_client::Stmt;
using catalog_client::Transaction;
}  // namespace central_api
