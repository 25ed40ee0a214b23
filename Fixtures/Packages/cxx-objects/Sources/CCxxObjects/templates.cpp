#include <fcntl.h>
#include <memory>
#include <set>
#include <string>
#include <sys/stat.h>
#include "objects.h"
#include "templates.hpp"

// capcheck rule: a template reaches its explicit specialisations (TemplateReachesSpecializationsRule; the
// twenty-sixth sweep's). Template code picks `CapcheckTraits<long>` for `capcheck_run(5L)`, and `std::set<int>` calls
// the package's `std::less<int>` inside the toolchain's code; `capcheck_tweak<int>` and `CapcheckBox<int>::get` are
// specialised in specialized.cpp, whose strong symbols the linker keeps for these calls.
template <> struct CapcheckTraits<long> {
    static int go() { return creat("/tmp/capcheck-fixture-none", 0600); }
};
template <> struct std::less<int> {
    bool operator()(int a, int b) const { return mknod("/tmp/capcheck-fixture-none", S_IFIFO | 0600, 0) == 0 && a < b; }
};
template <class T> int capcheck_run(T) { return CapcheckTraits<T>::go(); }
// Members specialised alone whose USR spells a library type or the argument in the signature: matched by name.
template <class T> int capcheck_read(const CapcheckBox<T> &box, T value) { return box.get() + box.put(value); }

extern "C" int capcheck_templates(void) {
    CapcheckBox<int> box{4};
    std::set<int> ordered;
    ordered.insert(2);
    ordered.insert(1);
    CapcheckBox<std::string> named{"x"};
    CapcheckBox<long> wide{1};
    std::unique_ptr<CapcheckWidget> widget(new CapcheckWidget);
    return capcheck_tweak(5) + box.get() + capcheck_run(5L) + static_cast<int>(ordered.size()) + capcheck_read(named, std::string("y"))
        + capcheck_read(wide, 2L) + widget->size;
}
