#ifndef CPRAGMAALIAS_H
#define CPRAGMAALIAS_H

// A weak alias spelt through macros: only the preprocessed text shows the pragma.
#define CAPCHECK_PRAGMA(text) _Pragma(#text)
#define CAPCHECK_WEAK_ALIAS(alias, target) CAPCHECK_PRAGMA(weak alias = target)

void capcheck_pragma_weak_alias(void);
void capcheck_pragma_macro_alias(void);

// A call of capcheck_quiet_rmdir links to libc's rmdir (as an asm label would make it).
#pragma redefine_extname capcheck_quiet_rmdir rmdir
int capcheck_quiet_rmdir(const char *path);

int capcheck_scoped(void);
int capcheck_weakref_probe(void);
long capcheck_catalogued(void);
int capcheck_quiet_system_probe(void);

#endif
