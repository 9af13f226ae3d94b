#pragma once
// A reference server (fresh database) with a client and an empty replica beside it, for the
// catalog_client tests that sync.

#include "harness.hpp"
#include "catalog_client/replica.hpp"

#include <chrono>
#include <string>

namespace testing {

struct ClientFixture {
    Harness h;
    TempDir dir;
    catalog_client::Transport transport{options()};
    catalog_client::CommerceApi api{transport, h.url()};
    catalog_client::Replica replica{dir.path + "/replica"};
    catalog_client::TransportOptions options() {
        catalog_client::TransportOptions o;
        o.bearer_token = h.token;
        o.backoff_base = std::chrono::milliseconds(5);
        return o;
    }
};

}  // namespace testing
