#include <stdlib.h>
#include "cnarrow.h"

/* A constant variable name, read in C. */
const char *narrow_c_home(void) { return getenv("NARROW_C_HOME"); }

/* A variable name from the caller, read in C: followed through the parameter to the Swift call. */
const char *narrow_c_lookup(const char *name) { return getenv(name); }

/* A name picked from a table at run time: not a literal, so unknown. */
const char *narrow_c_indirect(int which) {
    static const char *names[] = { "NARROW_C_A", "NARROW_C_B" };
    return getenv(names[which & 1]);
}
