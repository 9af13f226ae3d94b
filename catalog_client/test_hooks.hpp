#pragma once
// A test hook for the order crash matrix (tests/kiosk/test_crash_matrix.cpp): crash_point(name)
// does nothing unless the environment variable KIOSK_TEST_CRASH_AT equals `name`; then the
// process kills itself there with SIGKILL, as a power cut or the OOM killer would (no
// destructor, no flush). Nothing sets the variable outside the tests.
//
// Points: "kioskctl.before_enqueue" (kioskctl order, before the outbox write),
// "outbox.after_enqueue" (the entry is durable, nothing sent), "outbox.after_answer" (the
// server's answer arrived, not yet recorded). Thread-safe (the variable is read once).

namespace catalog_client {

void crash_point(const char* name);

}  // namespace catalog_client
