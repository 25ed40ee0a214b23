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

#endif
