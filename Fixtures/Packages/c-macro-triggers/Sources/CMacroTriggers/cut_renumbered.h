#ifndef CUT_RENUMBERED_H
#define CUT_RENUMBERED_H

/* Included by cut_renumbered.c alone, after a #line directive: the line markers then name other lines than the
   physical ones, so the source is not cut (the fortieth sweep's cut fell before this header and lost its asm). */
static inline unsigned long capcheck_cut_renumbered_barrier(unsigned long value) {
    __asm__ volatile("" : "+r"(value));
    return value;
}

#endif
