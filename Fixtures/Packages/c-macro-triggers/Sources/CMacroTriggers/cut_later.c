#include "cmacrotriggers.h"
#include "cut_later.h"

long capcheck_cut_target(void) { return 7; }

long capcheck_cut_later(void) { return capcheck_cut_target(); }
