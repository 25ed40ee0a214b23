/* capcheck rule: calls through function pointers reach every function whose address the caller (or a
   table it reads) takes, and only those. */
#ifndef CAPCHECK_CFNTABLE_H
#define CAPCHECK_CFNTABLE_H

#include "cfnops.h"

int capcheck_dispatch(const char *command, const char *argument);
void *capcheck_env_handler(void);
int capcheck_run_hooks(const char *path);

#endif
