#include "cmacrotriggers.h"
#include "record_member.h"

/* Members named like attributes (`section`, `cleanup`, `alias`) are no attribute: the records clear this source. */
long capcheck_record_member(void) {
    struct capcheck_record_members m = { .section = 1, .cleanup = 2 };
    struct capcheck_record_members *p = &m;
    p->alias = 3;
    return m.section + m.cleanup + p -> alias;
}
