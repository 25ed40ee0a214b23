#pragma once
// Each member runs a file effect when Swift uses the type, with no call of it in any index record.
struct Adder { int v; Adder operator+(const Adder &other) const; };
struct Same { int v; bool operator==(const Same &other) const; };
struct Guard { int v; ~Guard(); };
struct Copied { int v; Copied(int x); Copied(const Copied &other); };
struct Setting {
    int v;
    int getLevel() const __attribute__((swift_attr("import_computed_property")));
    void setLevel(int x) __attribute__((swift_attr("import_computed_property")));
};
int interop_template_hook(void);
template <class T> T doubled(T x) { interop_template_hook(); return x + x; }
int interop_inline_hook(void);
struct Inline { int v; Inline operator+(const Inline &other) const { interop_inline_hook(); return Inline{v + other.v}; } };
