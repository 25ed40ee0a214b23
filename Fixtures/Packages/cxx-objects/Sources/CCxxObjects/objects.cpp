#include <unistd.h>
#include "objects.h"

// capcheck rule: a call through a base class's virtual method runs the overrides (RequirementReachesWitnessRule).
struct Task { virtual ~Task() {} virtual int perform() { return 0; } };
struct ProbeTask : Task { int perform() override { return access("/tmp/capcheck-fixture-none", F_OK); } };
static Task *makeTask(int kind) { if (kind > 100) return new Task(); return new ProbeTask(); }

extern "C" int capcheck_cxx_perform(int kind) {
    Task *task = makeTask(kind);
    int result = task->perform();
    delete task;
    return result;
}

// capcheck rule: an object of static storage duration is destroyed at exit, though no call names its destructor
// (StaticObjectsRunAtLoadRule, ClassReachesDeinitRule).
struct Janitor { ~Janitor() { rmdir("/tmp/capcheck-fixture-none"); } };
static Janitor janitor;
