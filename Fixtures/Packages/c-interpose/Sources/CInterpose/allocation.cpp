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
