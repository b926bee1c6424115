using Tenancy.Isolation;

[assembly: ControlPlaneAssembly("The control plane: onboarding, offboarding and the registry's write side; deployed only behind control-plane roles.")]
