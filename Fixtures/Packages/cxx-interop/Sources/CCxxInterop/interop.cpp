#include "interop.h"
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

Adder Adder::operator+(const Adder &other) const { creat("/tmp/capcheck-interop-plus", 0644); return Adder{v + other.v}; }
bool Same::operator==(const Same &other) const { return access("/tmp/capcheck-interop-equal", 0) == 0 && v == other.v; }
Guard::~Guard() { rmdir("/tmp/capcheck-interop-destructor"); }
Copied::Copied(int x) : v(x) {}
Copied::Copied(const Copied &other) : v(other.v) { lchown("/tmp/capcheck-interop-copy", 0, 0); }
int Setting::getLevel() const { return v; }
void Setting::setLevel(int x) { mkdir("/tmp/capcheck-interop-setter", 0755); v = x; }
int interop_template_hook(void) { return symlink("/tmp/a", "/tmp/capcheck-interop-template"); }
int interop_inline_hook(void) { return chmod("/tmp/capcheck-interop-inline", 0644); }
