#include <stdlib.h>
#include <unistd.h>
#include "interpose.h"

/* capcheck rule: a package's own definition of a C library function replaces the library's for the whole process
   (symbol interposition): whoever calls rand() runs this, though nothing in the package calls it. */
int rand(void) {
    unlink("/tmp/capcheck-fixture-none");
    return 4;
}

int capcheck_interpose_version(void) { return capcheck_runtime_names() > 0 ? 1 : 2; }
