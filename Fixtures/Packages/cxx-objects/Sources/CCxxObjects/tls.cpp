#include <unistd.h>
#include "objects.h"

// capcheck rule: the thread-local variables of a file that have a dynamic initializer are all initialised by one
// function the compiler makes (`__tls_init`) on the first use of any of them: reading `capcheck_tls_counter` runs
// `prepare_tls()`, which nothing names (the twenty-sixth sweep's). The object has no init array, only thread-local
// sections, and the source no trigger word: the prefilter parses it for its thread-local sections.
static int prepare_tls() { return symlink("/tmp/capcheck-fixture-none", "/tmp/capcheck-fixture-none-link"); }
thread_local int capcheck_tls_prepared = prepare_tls();
thread_local int capcheck_tls_counter = 0;

extern "C" int capcheck_tls_count(void) { return ++capcheck_tls_counter; }
