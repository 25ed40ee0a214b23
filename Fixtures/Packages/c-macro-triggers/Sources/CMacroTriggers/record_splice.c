#include "cmacrotriggers.h"

/* `__asm__` split by a backslash, a blank and a newline: clang joins the lines (with a warning). */
unsigned long capcheck_record_splice(unsigned long value) {
    __as\ 
m__ volatile("" : "+r"(value));
    return value;
}
