#include "cmacrotriggers.h"
#include "record_variant.h"

/* The same lines of record_variant.h as record_quiet.c: the records clear this source without preprocessing it. */
long capcheck_record_quiet_two(void) { return capcheck_record_variant(2); }
