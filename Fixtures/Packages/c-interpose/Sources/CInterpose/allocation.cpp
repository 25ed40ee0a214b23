#include <cstdlib>
#include <new>
#include <unistd.h>

// capcheck rule: a global operator new replaces the C++ library's for every `new` in the process.
void *operator new(std::size_t size) {
    rmdir("/tmp/capcheck-fixture-none");
    if (void *memory = std::malloc(size ? size : 1)) return memory;
    throw std::bad_alloc();
}
void operator delete(void *memory) noexcept { std::free(memory); }

// capcheck rule: cxx-objects defines an `inline` function of the same name; the linker keeps one copy for both
// packages' callers (CLibraryInterposition.addSharedDefinitions).
#include <sys/time.h>
inline int capcheck_shared_helper(int value) { utimes("/tmp/capcheck-fixture-none", nullptr); return value; }
extern "C" int capcheck_interpose_shared(void) { return capcheck_shared_helper(1); }
