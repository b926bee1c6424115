using Tenancy.Isolation;

// The test kit builds clients against DynamoDB Local and fakes STS itself, as the control plane would.
[assembly: ControlPlaneAssembly("test kit: fakes and the DynamoDB Local fixture build clients directly (reviewed with the test suite)")]
