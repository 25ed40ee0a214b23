import NarrowC
import NarrowEnv
import NarrowExec
import NarrowFiles
import NarrowLookalike
import NarrowMembers
import NarrowModA
import NarrowSneaky
import NarrowStore
import NarrowSumm
import NarrowSweep
import NarrowTLS
import NarrowWitness

let name = CommandLine.arguments.last ?? "default.pem"
print(Certificates.loadNamed(name)?.count ?? 0)
print(Certificates.preferred(strict: true)?.count ?? 0, Certificates.fallback()?.count ?? 0, Certificates.resource()?.count ?? 0)
print(Certificates.firstFound() ?? "", Certificates.pinned()?.count ?? 0, Location().read()?.count ?? 0)
print(Certificates.open(.file("/etc/ssl/root.pem"))?.count ?? 0, Certificates.openIfFile(.bundled)?.count ?? 0)
print(Certificates.open(Certificates.defaultSource())?.count ?? 0, Certificates.openKey(Certificates.sneakyKey())?.count ?? 0)
print(Client().trustRoots())
print(Store().open(path: "/srv/app/data.db"), Database(path: "/srv/app/index.db").size(), Store().journal(of: "/srv"))
print(Store().open(path: Store.defaultPath), summarize(Store()), hostsSize())
let cache = Cache()
print(cache.get(path: CommandLine.arguments[0]) + cache.warm(), cache.setting(prefix: "") ?? "")
print(Config.load(), Lookalike.decoy() ?? "", Lookalike.shifted())
try? Git.version()
print(Logs.syslog(with: FileOpener()) + Logs.reader("/tmp/x"))
print(Home.folder(), Home.other(), Home.indirect(), Home.ping(), Home.macro(), Home.alias(), Home.rawOpen(), Home.setBoth(), Home.openVersion())
Sweep.runAll()
print(Members.greeting())
try? Members.runTrue()
