#include "versioned.h"
#include "casmlabel.h"

/* Includes the header, calls nothing it renames. */
int capcheck_header_noop(void) { return 0; }
