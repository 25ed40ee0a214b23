// capcheck rule: C++ virtual dispatch and a static object's destructor.
import CCxxObjects

public func performTask() -> Int { Int(capcheck_cxx_perform(1)) + Int(capcheck_tls_count()) + Int(capcheck_templates()) }
