import Foundation
import GenCLI
import StarterSpecs

// The starter's `gen`, as `gen init` writes it, over the compiled starter specs: the determinism
// and command tests run it as a separate process.
exit(Gen.main(environments: Monitoring.environments))
