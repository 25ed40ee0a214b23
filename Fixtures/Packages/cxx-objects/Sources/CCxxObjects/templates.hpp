#pragma once

// Templates whose explicit specialisations run in their place (TemplateReachesSpecializationsRule).
template <class T> int capcheck_tweak(T v) { return static_cast<int>(v); }
template <class T> struct CapcheckBox {
    T v;
    int get() const { return sizeof(v) > 0 ? 1 : 0; }
    int put(T value) const { return sizeof(value) > 0 ? 2 : 0; }
};
// A class whose instances `std::unique_ptr` deletes with the package's `std::default_delete` specialisation.
struct CapcheckWidget { int size = 1; };
// An aggregate whose default member initializer calls code: building one runs it.
int capcheck_agg_make();
struct CapcheckAgg { int x = capcheck_agg_make(); };
template <class T> struct CapcheckTraits { static int go() { return 0; } };
