#include <cstdlib>
#include <unistd.h>

// capcheck rule: a C++ definition of a function the C++ runtime library exports (here `std::__throw_bad_alloc()`,
// which libstdc++'s own `operator new` calls) replaces the library's for the whole process, though no C name is
// involved: the object's mangled symbol is compared with the runtime libraries' exports (found by an evasion sweep,
// with `std::locale::id::_M_id() const`).
namespace std {
void __throw_bad_alloc() {
    symlink("/tmp/capcheck-fixture-none", "/tmp/capcheck-fixture-none-3");
    std::abort();
}
}

// `extern "C"` inside a namespace: linked as `atoi`, replacing the C library's (the eleventh sweep's).
#include <fcntl.h>
#include <unistd.h>
namespace capcheck_scoped_replacement {
extern "C" int atoi(const char *text) {
    (void)link("/tmp/capcheck-fixture-none", "/tmp/capcheck-fixture-none-2");
    int value = 0;
    while (*text >= '0' && *text <= '9') value = value * 10 + (*text++ - '0');
    return value;
}
}
