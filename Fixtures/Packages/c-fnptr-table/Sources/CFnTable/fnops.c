/* capcheck rule: glibc exports its functions under other names at the same address (`__open` is `open`, `_IO_popen`
   is `popen`), and C code may declare and call any of them: each is the catalogued function's sink. */
#include "cfnops.h"
#include <fcntl.h>
#include <stdio.h>

extern int __open(const char *path, int flags, ...);
extern FILE *_IO_popen(const char *command, const char *mode);

static int capcheck_ops_prepare(void) { return __open("/tmp/capcheck-fixture-none", O_RDONLY); }
static int capcheck_ops_refresh(void) { return _IO_popen("true", "r") != 0; }

const capcheck_ops_t capcheck_ops = { capcheck_ops_prepare, capcheck_ops_refresh };
