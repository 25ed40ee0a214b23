#ifndef CUT_ASM_H
#define CUT_ASM_H

/* Included by cut_covered.c alone, whose parse covers it: the parse stops after this header's #include. */
static inline unsigned long capcheck_cut_barrier(unsigned long value) {
    __asm__ volatile("" : "+r"(value));
    return value;
}

#endif
