using Tenancy.Isolation;

// The isolation benchmarks measure the isolation layer's own warm paths (clients, data keys); never deployed.
[assembly: ControlPlaneAssembly("Benchmarks of the isolation layer's internals against a raw DynamoDBContext baseline; not application code.")]
