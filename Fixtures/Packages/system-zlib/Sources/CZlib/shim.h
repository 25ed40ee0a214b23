/* capcheck rule: a system library target is ffi for the package that declares it. */
#include <zlib.h>
