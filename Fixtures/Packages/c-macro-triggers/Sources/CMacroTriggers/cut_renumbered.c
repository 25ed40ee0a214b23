#include "cmacrotriggers.h"
#line 1
#include "cut_renumbered.h"

unsigned long capcheck_cut_renumbered(unsigned long value) { return capcheck_cut_renumbered_barrier(value); }
