#include "asmfunction.h"

/* capcheck rule: a function written in file-scope asm and declared in C has no C body to read; calling it runs
   machine code capcheck does not read, like inline asm. (It only returns 42 here; it could make any system call.) */
__asm__(".text\n"
        ".globl capcheck_asm_function\n"
        ".type capcheck_asm_function, @function\n"
        "capcheck_asm_function:\n"
#if defined(__x86_64__)
        "  mov $42, %eax\n"
        "  ret\n"
#elif defined(__aarch64__)
        "  mov w0, #42\n"
        "  ret\n"
#else
#error "capcheck's fixture has asm for x86_64 and aarch64 only"
#endif
        ".size capcheck_asm_function, .-capcheck_asm_function\n");
