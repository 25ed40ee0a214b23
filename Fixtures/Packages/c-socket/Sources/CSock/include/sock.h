/* capcheck rule: ffi (Swift reaches net only by calling this C function). */
#ifndef CAPCHECK_SOCK_H
#define CAPCHECK_SOCK_H

int capcheck_open_socket(void);

#endif
