#include "casm.h"

unsigned long capcheck_barrier_count(unsigned long value) {
    __asm__ __volatile__("" : "+r"(value) : : "memory");
    return value + 1;
}
