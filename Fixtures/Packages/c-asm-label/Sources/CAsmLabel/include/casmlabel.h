#ifndef CASMLABEL_H
#define CASMLABEL_H

/* Links to libc's open(2): the name the linker sees is the label, not the declared one. */
int capcheck_quiet_open(const char *path, int flags) __asm__("open");

/* A C caller of the renamed function. */
int capcheck_label_probe(void);

/* Calls through a function table, and reads the environment, each under another name. */
int capcheck_table_probe(void);

/* Calls a function file-scope asm binds to another symbol. */
int capcheck_symver_probe(void);

#endif
