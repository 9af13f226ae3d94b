#pragma once
// nesting_depth(doc): how deeply a parsed JSON document nests arrays and objects, computed
// without recursion (a document of any depth is safe to measure). For the targets' property
// "every parse of outside bytes has a nesting limit". Pure; any thread.

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace fuzz {

inline std::size_t nesting_depth(const nlohmann::json& doc) {
    std::size_t deepest = 0;
    std::vector<std::pair<const nlohmann::json*, std::size_t>> todo{{&doc, 0}};
    while (!todo.empty()) {
        auto [node, depth] = todo.back();
        todo.pop_back();
        if (!node->is_structured()) continue;
        deepest = std::max(deepest, depth + 1);
        for (const auto& child : *node) todo.emplace_back(&child, depth + 1);
    }
    return deepest;
}

}  // namespace fuzz
