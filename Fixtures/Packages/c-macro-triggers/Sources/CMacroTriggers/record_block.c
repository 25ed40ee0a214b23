#include "cmacrotriggers.h"

/* A file included inside a function body: its asm is this function's, so this source is parsed itself. */
long capcheck_record_block(void) {
    long value = 4;
#include "record_body.inc"
    return value;
}
