using Tenancy.Isolation;

// Tests build clients against DynamoDB Local and the local cloud themselves, as the control plane would.
[assembly: ControlPlaneAssembly("tests: build clients against DynamoDB Local and the local cloud (reviewed with the test suite)")]
