#include "cmacrotriggers.h"

int capcheck_header_user_two(void) { return (int)capcheck_header_barrier(2); }
