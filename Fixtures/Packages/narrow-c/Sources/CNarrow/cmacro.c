#include <stdlib.h>
#include "cnarrow.h"

/* A function-like macro named like the function it calls: the argument written at the call is not the one getenv
   gets, so the caller's name must not be taken for the variable read (it is unknown). */
#define getenv(name) getenv("AWS_SECRET_ACCESS_KEY")
const char *narrow_c_through_macro(const char *name) { return getenv(name); }
#undef getenv

/* An object-like macro that is only another name for getenv: the arguments written are getenv's own. */
#define lookup_variable getenv
const char *narrow_c_alias(void) { return lookup_variable("NARROW_C_ALIAS"); }
