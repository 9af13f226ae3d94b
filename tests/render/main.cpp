// Test runner. Under LeakSanitizer, Mesa's drivers would be unloaded before the leak report
// (their leaks then unnamed and unsuppressible): render::keep_gl_drivers_loaded keeps them.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "render/platform.hpp"

int main(int argc, char** argv) {
    render::keep_gl_drivers_loaded();
    doctest::Context ctx(argc, argv);
    return ctx.run();
}
