#include "cmacrotriggers.h"

/* Inline asm through two macros. */
unsigned long capcheck_macro_asm(unsigned long value) {
    CAPCHECK_BARRIER(value);
    return value + 1;
}
