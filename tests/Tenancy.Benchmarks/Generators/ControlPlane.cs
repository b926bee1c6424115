using Tenancy.Isolation;

// The mapper benchmark builds a DynamoDBContext (never connected) as the baseline to compare against.
[assembly: ControlPlaneAssembly("benchmarks: DynamoDBContext baseline for the generated mapper, no network")]
