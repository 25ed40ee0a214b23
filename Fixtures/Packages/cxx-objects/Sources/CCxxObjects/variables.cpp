#include <sys/time.h>

// capcheck rule: every instance of a variable template with a dynamic initializer is initialised at load, whether or
// not code that runs reads it (VariableTemplatesRunAtLoadRule; the twenty-sixth sweep's): `capcheck_stamp<int>` is
// instantiated by a function nothing calls, and its initializer touches a file.
template <class T> T capcheck_touch() { return static_cast<T>(utimes("/tmp/capcheck-fixture-none", nullptr)); }
template <class T> T capcheck_stamp = capcheck_touch<T>();
int capcheck_unused_stamp() { return capcheck_stamp<int>; }
