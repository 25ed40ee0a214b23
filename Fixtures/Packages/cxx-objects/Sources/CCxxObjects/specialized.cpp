#include <stdio.h>
#include <unistd.h>
#include "templates.hpp"

// Explicit specialisations defined away from their callers (templates.cpp): strong definitions of the mangled
// names `capcheck_tweak(5)` and `box.get()` instantiate there, so the linker keeps these for those calls.
template <> int capcheck_tweak<int>(int v) { return chdir("/tmp/capcheck-fixture-none") + v; }
template <> int CapcheckBox<int>::get() const { return rename("/tmp/capcheck-fixture-none", "/tmp/capcheck-fixture-moved"); }
