#define CAPCHECK_ORDER_WRAP(v) __asm__ volatile("" : "+r"(v))
