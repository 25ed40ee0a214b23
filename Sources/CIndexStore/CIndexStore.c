// Intentionally empty: this target only provides CIndexStore.h.
