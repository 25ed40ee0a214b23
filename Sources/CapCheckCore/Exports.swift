// CapCheckCore is the pipeline over every stage; importing it imports the stages too (the CLI, the plugin's tool
// and the tests use one import). The stages themselves import only the ones below them (Package.swift).
@_exported import CapCheckBuild
@_exported import CapCheckBuildTime
@_exported import CapCheckCatalog
@_exported import CapCheckChecker
@_exported import CapCheckGraph
@_exported import CapCheckIndexStore
@_exported import CapCheckModel
@_exported import CapCheckNativeCode
@_exported import CapCheckPackageGraph
@_exported import CapCheckPolicy
@_exported import CapCheckReporters
@_exported import CapCheckSupport
@_exported import CapCheckSwiftSource
