#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The processors online: how many parts work shared between cores is cut into.
let activeProcessorCount = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
