#include "cmacrotriggers.h"

/* A covering parse reads this source up to the #include of the last header with triggers (closing the #if group it
   stands in), not the code after it. */
#if defined(__x86_64__) || defined(__aarch64__) || 1
#include "cut_asm.h"
static unsigned long capcheck_cut_twice(unsigned long value) { return capcheck_cut_barrier(value) * 2; }
#endif

unsigned long capcheck_cut_covered(unsigned long value) { return capcheck_cut_twice(value) + 1; }
