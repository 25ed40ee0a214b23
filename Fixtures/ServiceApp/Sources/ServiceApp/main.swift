import ConditionalDefault
import RefinedDefault
import RetroactiveFramework
import ServiceCore
import SuperclassDefault

try await runExistential(App())
try await runGeneric(NightlyJob())
try await runExistential(Worker(label: "w"))
try await ServiceGroup(services: [Box(1)]).run()
_ = startServer(port: 0)
