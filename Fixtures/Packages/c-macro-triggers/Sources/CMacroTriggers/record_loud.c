#include "cmacrotriggers.h"
#define CAPCHECK_RECORD_LOUD 1
#include "record_variant.h"

long capcheck_record_loud(void) { return capcheck_record_variant(3); }
