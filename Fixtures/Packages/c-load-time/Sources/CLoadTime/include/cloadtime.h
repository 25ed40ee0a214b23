/* capcheck rule: load-time code (constructor, destructor, .init_array, ifunc, weak, alias) runs whenever
   the target is linked, whether or not anything calls it. */
#ifndef CAPCHECK_CLOADTIME_H
#define CAPCHECK_CLOADTIME_H

const char *capcheck_load_time_setting(void);

#endif
