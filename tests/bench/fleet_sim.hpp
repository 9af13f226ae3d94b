#pragma once
// fleet_sim's kiosks' side (fleet_sim_calls.cpp), called by its driver (fleet_sim.cpp): the
// set-up goes in and the figures come out as JSON (the keys are documented in fleet_sim_calls.cpp).

#include <nlohmann/json.hpp>

#include <string>

namespace fleet_sim {

// One full catalogue sync, as a kiosk's first: {"cursor","pages","s"}.
nlohmann::json full_sync(int port, const std::string& token);
// N kiosks at a store's rates for the set-up's seconds: per call kind figures, the scheduler's lag.
nlohmann::json run_fleet_calls(const nlohmann::json& setup);
// Writers only, as fast as they can: the write calls/s the server sustains.
nlohmann::json run_saturation_calls(const nlohmann::json& setup);
// N kiosks bootstrapping an empty replica at once, setup {"port","way":"feed"|"snapshot",
// "seconds","feed_pages","kiosks":[{"token"}]}: {"wall_s","bytes","mb_per_s","kiosks_done",
// "mean_progress" (0..1 of a bootstrap, averaged over the kiosks),"errors"} (fleet_bootstrap.cpp).
nlohmann::json run_bootstrap_calls(const nlohmann::json& setup);
// Write calls per kiosk per second at the rates of a busy store's day.
double model_writes_per_kiosk_s();

}  // namespace fleet_sim
