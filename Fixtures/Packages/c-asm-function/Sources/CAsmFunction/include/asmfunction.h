#ifndef CAPCHECK_ASMFUNCTION_H
#define CAPCHECK_ASMFUNCTION_H

int capcheck_asm_function(void);

#endif
