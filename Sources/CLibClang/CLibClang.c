// Intentionally empty: this target only provides CLibClang.h.
