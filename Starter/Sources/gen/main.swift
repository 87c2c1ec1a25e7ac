import Foundation
import GenCLI
import Specs

// The whole command line: `swift run gen` writes generated/ from the specs, `swift run gen --check`
// fails when generated/ differs from them, `swift run gen lint`, `gen diff`, `gen import`, … (`--help`).
exit(Gen.main(environments: Monitoring.environments))
