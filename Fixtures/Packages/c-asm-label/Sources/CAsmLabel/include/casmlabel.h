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

/* The same, where the file-scope asm is in a header two sources include (`versioned.h`); and the other one. */
int capcheck_header_symver_probe(void);
int capcheck_header_noop(void);

/* An asm label only Swift's importer sees (`__swift__`), for a function an inline function calls: no C source includes
   the header with it defined, so only the public headers' parse, as Swift sees them, finds it (the eighteenth sweep's). */
#if defined(__swift__)
int capcheck_swift_only_remove(const char *path) __asm__("unlink");
#else
int capcheck_swift_only_remove(const char *path);
#endif
static inline int capcheck_swift_only_probe(void) { return capcheck_swift_only_remove("/tmp/capcheck-fixture-none"); }

#endif
