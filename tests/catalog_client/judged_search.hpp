#pragma once
// The judged query set (judged_queries.tsv): loading it, judging each query's relevant products
// from the replica's own data, and the figures of a search run over it (zero-result rate,
// success@10, nDCG@10). Used by the catalog_client tests (which keep the figures from
// regressing) and by catalog_bench (which prints them).

#include "catalog_client/replica.hpp"
#include "catalog_client/search.hpp"

#include <map>
#include <string>
#include <vector>

namespace judged {

struct Criterion {
    std::string key;                  // cat, brand, name, opt, color, id
    std::vector<std::string> values;  // any of them
};

struct JudgedQuery {
    int line = 0;
    std::string kind, text;  // text may hold {ref ID}, {refl ID}, {ean ID}, {sku ID}
    std::vector<Criterion> criteria;
};

// Reads the set; throws std::runtime_error naming the file and line of a malformed entry.
std::vector<JudgedQuery> load(const std::string& path);

struct Figures {
    int queries = 0, answered = 0;  // answered: some product of the catalogue is relevant
    int zero = 0;                   // answered queries with no result at all
    int success = 0;                // answered queries with a relevant product in the top 10
    double ndcg_sum = 0;            // nDCG@10 summed over the answered queries
    double zero_rate() const { return answered ? static_cast<double>(zero) / answered : 0; }
    double success_at_10() const { return answered ? static_cast<double>(success) / answered : 0; }
    double ndcg_at_10() const { return answered ? ndcg_sum / answered : 0; }
};

struct Report {
    Figures all;
    std::map<std::string, Figures> by_kind;
    std::vector<std::string> unanswered;  // the queries no product of this catalogue answers
    std::vector<std::string> misses;      // answered queries without a relevant product in the top 10
};

// Runs every query through `search` (top 10) and judges the hits against the products of the
// replica. Binary relevance: a product is relevant when it meets all of the query's criteria.
Report evaluate(const catalog_client::Replica& replica, catalog_client::Search& search,
                const std::vector<JudgedQuery>& queries);

}  // namespace judged
