#include "cmacrotriggers.h"

/* Before C23, `1'x'` is a number and a character literal, not a number with a digit separator: the asm after it is
   code. */
#define CAPCHECK_IGNORE(x)
unsigned long capcheck_record_separator(unsigned long value) {
    CAPCHECK_IGNORE(1'x') __asm__ volatile("" : "+r"(value));
    return value;
}
