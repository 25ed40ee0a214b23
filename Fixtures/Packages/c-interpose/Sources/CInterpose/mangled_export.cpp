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
