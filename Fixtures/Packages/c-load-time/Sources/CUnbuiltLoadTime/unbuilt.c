// A constructor in a target no build of NativeApp compiles: capcheck must not report it as load-time code.
#include <stdlib.h>
#include "cunbuilt.h"

__attribute__((constructor)) static void capcheck_unbuilt_constructor(void) { system("true"); }

int capcheck_unbuilt_marker(void) { return 1; }
