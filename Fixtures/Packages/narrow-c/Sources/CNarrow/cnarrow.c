#include <stdlib.h>
#include "cnarrow.h"

/* A constant variable name, read in C. */
const char *narrow_c_home(void) { return getenv("NARROW_C_HOME"); }

/* A variable name from the caller, read in C: capcheck does not follow C parameters, so it is unknown. */
const char *narrow_c_lookup(const char *name) { return getenv(name); }
