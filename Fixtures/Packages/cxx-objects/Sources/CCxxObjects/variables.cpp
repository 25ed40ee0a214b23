#include <fcntl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include "templates.hpp"

// capcheck rule: every instance of a variable template with a dynamic initializer is initialised at load, whether or
// not code that runs reads it (VariableTemplatesRunAtLoadRule; the twenty-sixth sweep's): `capcheck_stamp<int>` is
// instantiated by a function nothing calls, and its initializer touches a file.
template <class T> T capcheck_touch() { return static_cast<T>(utimes("/tmp/capcheck-fixture-none", nullptr)); }
template <class T> T capcheck_stamp = capcheck_touch<T>();
int capcheck_unused_stamp() { return capcheck_stamp<int>; }

// A variable template of an aggregate, and a global whose type is deduced from one (`auto`): each builds its
// aggregate at load, whose default member initializer calls code (the twenty-seventh sweep's).
int capcheck_agg_make() { return symlinkat("/tmp/capcheck-fixture-none", AT_FDCWD, "/tmp/capcheck-fixture-agg"); }
template <class T> CapcheckAgg capcheck_agg_instance{};
static int capcheck_config_make() { return mkdirat(AT_FDCWD, "/tmp/capcheck-fixture-none", 0700); }
struct CapcheckConfig { int y = capcheck_config_make(); };
auto capcheck_config = CapcheckConfig{};
int capcheck_unused_agg() { return capcheck_agg_instance<int>.x; }
