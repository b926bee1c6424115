using Tenancy.ControlPlane.Offboarding;
using Tenancy.Lambda.Functions;

// Every control-plane function shares this bootstrap; template.yaml's Handler names the one a function runs.
var host = new LambdaFunctionHost();
ObjectsFunctions.Map(host);
return await host.RunAsync();
