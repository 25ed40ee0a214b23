#include "cmacrotriggers.h"

/* `__asm__` pasted from pieces an argument spells: no macro body and no line holds the word, only the invocation's
   words can make it (the record prefilter must send this source to clang -E). */
#define CAT3(a, b, c) a##b##c
unsigned long capcheck_record_paste(unsigned long value) {
    CAT3(__as, m, __) volatile("" : "+r"(value));
    return value;
}
