#pragma once

// Templates whose explicit specialisations run in their place (TemplateReachesSpecializationsRule).
template <class T> int capcheck_tweak(T v) { return static_cast<int>(v); }
template <class T> struct CapcheckBox {
    T v;
    int get() const { return static_cast<int>(v); }
};
template <class T> struct CapcheckTraits { static int go() { return 0; } };
