#include "cmacrotriggers.h"

/* A lone carriage return ends a line comment for clang: the asm after it is code. */
unsigned long capcheck_record_carriage(unsigned long value) {
    // note    __asm__ volatile("" : "+r"(value));
    return value;
}
