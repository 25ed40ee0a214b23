/* capcheck rule: inline asm is unsafe and ffi for the package whose C code holds it. */
#ifndef CAPCHECK_CASM_H
#define CAPCHECK_CASM_H

unsigned long capcheck_barrier_count(unsigned long value);

#endif
