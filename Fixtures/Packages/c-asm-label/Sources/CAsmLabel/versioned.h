/* capcheck rule: file-scope asm in a header is part of every object that includes it (ObjectCallEdges): each such source
   is parsed itself, not covered by another's parse, so the calls it renames are found in whichever object makes them. */
int capcheck_header_tidy(const char *path);
__extension__ __asm__(".symver capcheck_header_tidy, chdir@GLIBC_2.2.5");
