#include <unistd.h>
#include <sys/stat.h>
#include <fstream>
#include <filesystem>
#include <locale>
#include <tuple>
#include <utime.h>
#include "objects.h"

// capcheck rule: C++ calls members no call expression names (CxxRecordReachesMemberFunctionsRule): a structured
// binding calls `get<N>()` through the tuple protocol, a defaulted copy assignment calls each member's `operator=`.
struct Pair {
    int first = 1, second = 2;
    template <std::size_t N> int get() const { mkfifo("/tmp/capcheck-fixture-none", 0600); return N == 0 ? first : second; }
};
template <> struct std::tuple_size<Pair> : std::integral_constant<std::size_t, 2> {};
template <std::size_t N> struct std::tuple_element<N, Pair> { using type = int; };
struct Logged {
    int value = 0;
    Logged &operator=(const Logged &other) { lchown("/tmp/capcheck-fixture-none", 0, 0); value = other.value; return *this; }
};
struct Wrapper { Logged logged; };

// capcheck rule: a structured binding calls a `get<N>` outside the class, found by argument-dependent lookup
// (CxxRecordReachesAssociatedCodeRule; the twenty-first sweep's): the reached `Duo` reaches the functions that take it.
namespace capcheck_free {
struct Duo {};
template <std::size_t N> int get(const Duo &) { return utime("/tmp/capcheck-fixture-none", nullptr); }
}
template <> struct std::tuple_size<capcheck_free::Duo> : std::integral_constant<std::size_t, 2> {};
template <std::size_t N> struct std::tuple_element<N, capcheck_free::Duo> { using type = int; };

// c-interpose defines an `inline` function of the same name and signature: one copy runs for both.
inline int capcheck_shared_helper(int value) { return value + 1; }

// capcheck rule: a call through a base class's virtual method runs the overrides (RequirementReachesWitnessRule).
struct Task { virtual ~Task() {} virtual int perform() { return 0; } };
struct ProbeTask : Task { int perform() override { return access("/tmp/capcheck-fixture-none", F_OK); } };
static Task *makeTask(int kind) { if (kind > 100) return new Task(); return new ProbeTask(); }

extern "C" int capcheck_cxx_perform(int kind) {
    Task *task = makeTask(kind);
    int result = task->perform();
    delete task;
    // capcheck rule: the C++ standard library's files (CxxStandardLibrarySinks): no C function is called here.
    if (kind > 1000) {
        std::ofstream out("/tmp/capcheck-fixture-none");
        std::filesystem::remove("/tmp/capcheck-fixture-none");
        // A facet made by name loads the locale `LANG` names, as a named `std::locale` does (found by an evasion sweep).
        std::locale named(std::locale::classic(), new std::moneypunct_byname<char>(""));
        auto [first, second] = Pair{};
        auto [third, fourth] = capcheck_free::Duo{};
        result += third + fourth;
        Wrapper a, b;
        a = b;
        result += first + second + a.logged.value + capcheck_shared_helper(0);
    }
    return result;
}

// capcheck rule: an object of static storage duration is destroyed at exit, though no call names its destructor
// (StaticObjectsRunAtLoadRule, ClassReachesDeinitRule).
struct Janitor { ~Janitor() { rmdir("/tmp/capcheck-fixture-none"); } };
static Janitor janitor;

// capcheck rule: a global whose initializer calls code runs it before main, destructor or not (libclang says "C" for
// such a variable, so its language is not asked).
struct Opener { int made; Opener() { made = chown("/tmp/capcheck-fixture-none", -1, -1); } };
Opener opener;
static int makeLink() { return link("/tmp/capcheck-fixture-none", "/tmp/capcheck-fixture-none-2"); }
int linked = makeLink();
// A C++17 inline variable and a template's static member are built at load too.
struct Truncator { int made; Truncator() { made = truncate("/tmp/capcheck-fixture-none", 0); } };
inline Truncator truncator{};
struct Changer { int made; Changer() { made = chmod("/tmp/capcheck-fixture-none", 0600); } };
template <class T> struct Holder { static Changer changer; };
template <class T> Changer Holder<T>::changer = Changer();
extern "C" int capcheck_cxx_holder(void) { return Holder<int>::changer.made + truncator.made; }

// capcheck rule: the C++11 spelling of the constructor attribute.
[[gnu::constructor]] static void early() { mkdir("/tmp/capcheck-fixture-none", 0700); }

// capcheck rule: an implicit constructor runs default member initializers and members' constructors, with no call
// expression: a global of class type is built at load (CxxRecordReachesMembersRule).
static int sweepMarker() { return unlink("/tmp/capcheck-fixture-none"); }
struct Settings { int status = sweepMarker(); };
Settings settings;
