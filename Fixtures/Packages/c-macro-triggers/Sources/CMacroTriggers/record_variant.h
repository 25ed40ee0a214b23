/* Inline asm that differs with what the including source defined before it (no include guard): the lines of each
   variant are their own, and no source's parse may stand for the other's. */
#ifdef CAPCHECK_RECORD_LOUD
static inline long capcheck_record_variant(long value) {
    __asm__ volatile("mov %0, %0" : "+r"(value));
    return value + 1;
}
#else
static inline long capcheck_record_variant(long value) {
    __asm__ volatile("" : "+r"(value));
    return value;
}
#endif
