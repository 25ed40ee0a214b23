#ifndef CAPCHECK_CINDEXSTORE_H
#define CAPCHECK_CINDEXSTORE_H

#include <stddef.h>

/// The one C type of libIndexStore's API that Swift cannot spell itself: `indexstore_string_ref_t`
/// (from the toolchain's `indexstore.h`), returned by value from many functions. The functions themselves
/// are bound at run time with dlsym in `Sources/CapCheckCore/IndexStore/IndexStoreAPI.swift`;
/// this target links nothing.
typedef struct {
  const char *data;
  size_t length;
} capcheck_indexstore_string_ref_t;

/// Until `capcheck_end_record_reading_guard`, a segmentation or bus fault (a damaged record read by libIndexStore)
/// prints `message` on standard error and exits with status 2.
void capcheck_guard_record_reading(const char *message);
void capcheck_end_record_reading_guard(void);

#endif
