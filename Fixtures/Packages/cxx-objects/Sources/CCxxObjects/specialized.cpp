#include <fcntl.h>
#include <memory>
#include <stdio.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include "templates.hpp"

// Explicit specialisations defined away from their callers (templates.cpp): strong definitions of the mangled
// names `capcheck_tweak(5)` and `box.get()` instantiate there, so the linker keeps these for those calls.
template <> int capcheck_tweak<int>(int v) { return chdir("/tmp/capcheck-fixture-none") + v; }
template <> int CapcheckBox<int>::get() const { return rename("/tmp/capcheck-fixture-none", "/tmp/capcheck-fixture-moved"); }
template <> int CapcheckBox<std::string>::get() const {
    char target[8];
    return static_cast<int>(readlink("/tmp/capcheck-fixture-none", target, sizeof target));
}
template <> int CapcheckBox<long>::put(long value) const {
    return linkat(AT_FDCWD, "/tmp/capcheck-fixture-none", AT_FDCWD, "/tmp/capcheck-fixture-link", 0) + static_cast<int>(value);
}
template <> void std::default_delete<CapcheckWidget>::operator()(CapcheckWidget *widget) const {
    mknodat(AT_FDCWD, "/tmp/capcheck-fixture-none", S_IFIFO | 0600, 0);
    delete widget;
}
