using Tenancy.ControlPlane.Identity;
using Tenancy.ControlPlane.Metering;
using Tenancy.ControlPlane.Offboarding;
using Tenancy.ControlPlane.Registry;
using Tenancy.ControlPlane.TierChange;
using Tenancy.Lambda.Functions;

// Every control-plane function shares this bootstrap; template.yaml's Handler names the one a function runs.
var host = new LambdaFunctionHost();
IdentityFunctions.Map(host);
RegistryFunctions.Map(host);
OffboardingFunctions.Map(host);
ObjectsFunctions.Map(host);
MeteringFunctions.Map(host);
TierChangeFunctions.Map(host);
return await host.RunAsync();
