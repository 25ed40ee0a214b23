#include "casmlabel.h"

/* capcheck rule: file-scope asm can turn a call into one no C expression names (ObjectCallEdges): `.symver` binds
   every reference to `capcheck_versioned_tidy` in this object to the C library's mkdir. */
int capcheck_versioned_tidy(const char *path, unsigned mode);
__asm__(".symver capcheck_versioned_tidy, mkdir@GLIBC_2.2.5");

int capcheck_symver_probe(void) { return capcheck_versioned_tidy("/tmp/capcheck-fixture-none", 0700); }
