#include "cmacrotriggers.h"

int capcheck_header_user_one(void) { return (int)capcheck_header_barrier(1); }
