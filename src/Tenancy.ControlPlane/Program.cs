using Tenancy.ControlPlane.Metering;
using Tenancy.Lambda.Functions;

// Every control-plane function shares this bootstrap; template.yaml's Handler names the one a function runs.
var host = new LambdaFunctionHost();
MeteringFunctions.Map(host);
return await host.RunAsync();
