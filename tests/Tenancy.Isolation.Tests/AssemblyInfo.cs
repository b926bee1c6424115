using Tenancy.Isolation;

[assembly: ControlPlaneAssembly("tests: build clients against DynamoDB Local")]
