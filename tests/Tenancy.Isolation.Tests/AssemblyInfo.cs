using Tenancy.Isolation;

// These tests exercise the isolation layer's own clients and encryptor directly, and deliberately misuse them
// (another tenant's partition or key context) to prove the platform denies it; they are never deployed.
[assembly: ControlPlaneAssembly("Isolation-layer tests: direct use of vended clients and the field encryptor is the subject under test (issue 4).")]
