/* capcheck rule: a package's own C global read from Swift enters its C code (`ffi`), as a call would: calling through
   the table's fields runs the functions its initializer took the address of. */
#ifndef CAPCHECK_CFNOPS_H
#define CAPCHECK_CFNOPS_H

typedef struct {
    int (*prepare)(void);
    int (*refresh)(void);
} capcheck_ops_t;

extern const capcheck_ops_t capcheck_ops;

#endif
