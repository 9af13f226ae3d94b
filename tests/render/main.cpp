// Test runner. Under LeakSanitizer, Mesa's drivers (loaded by SDL's offscreen driver through
// EGL) leak at exit and are unloaded before the report, so their frames cannot be named or
// suppressed: keep them loaded (RTLD_NODELETE) so lsan.supp can name them.
#define DOCTEST_CONFIG_IMPLEMENT
#include <dlfcn.h>
#include <doctest/doctest.h>

int main(int argc, char** argv) {
    for (const char* lib :
         {"libEGL.so.1", "libEGL_mesa.so.0", "/usr/lib/x86_64-linux-gnu/dri/swrast_dri.so"})
        dlopen(lib, RTLD_NOW | RTLD_GLOBAL | RTLD_NODELETE);
    doctest::Context ctx(argc, argv);
    return ctx.run();
}
