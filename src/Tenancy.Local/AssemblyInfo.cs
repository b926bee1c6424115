using Tenancy.Isolation;

[assembly: ControlPlaneAssembly("The local cloud provisions tables, keys and registry items as the control plane would; it runs only on developer machines and in CI, never deployed.")]
