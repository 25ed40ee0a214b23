#ifndef RECORD_MEMBER_H
#define RECORD_MEMBER_H

/* Fields named like attributes: declarators, which the raw reading counts (a macro could open an attribute list before
   them); preprocessing shows none. */
struct capcheck_record_members { int section, cleanup, alias; };

#endif
