#include "versioned.h"
#include "casmlabel.h"

/* Calls the name the header's `.symver` binds to the C library's chdir. */
int capcheck_header_symver_probe(void) { return capcheck_header_tidy("/tmp/capcheck-fixture-none"); }
