#include "cmacrotriggers.h"
#include "record_variant.h"

long capcheck_record_quiet(void) { return capcheck_record_variant(1); }
