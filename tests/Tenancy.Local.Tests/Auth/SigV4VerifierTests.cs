using Microsoft.AspNetCore.Http;
using Tenancy.Local.Emulator;
using Tenancy.Local.Emulator.Auth;
using Tenancy.Local.Run;

namespace Tenancy.Local.Tests.Auth;

public sealed class SigV4VerifierTests
{
    // The worked example of AWS's Signature Version 4 documentation (IAM ListUsers, 2015-08-30).
    private const string ExampleSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string ExampleSignature = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";

    private static DefaultHttpContext ExampleRequest()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/";
        context.Request.QueryString = new QueryString("?Action=ListUsers&Version=2010-05-08");
        context.Request.Headers.Host = "iam.amazonaws.com";
        context.Request.Headers.ContentType = "application/x-www-form-urlencoded; charset=utf-8";
        context.Request.Headers["X-Amz-Date"] = "20150830T123600Z";
        return context;
    }

    [Fact]
    public void Computes_the_signature_of_the_aws_documentation_example()
    {
        SigV4AuthorizationHeader.TryParse(
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature={ExampleSignature}",
            out var header);
        var emptyBodyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        Assert.Equal(ExampleSignature, SigV4Verifier.ComputeSignature(ExampleRequest().Request, header!, ExampleSecret, "20150830T123600Z", emptyBodyHash));
    }

    [Fact]
    public void Rejects_tampered_requests_and_stale_signatures()
    {
        var store = new CredentialStore();
        var credentials = new LocalCredentials("AKIDEXAMPLE", ExampleSecret, null);
        store.Add(new LocalPrincipal(PrincipalKind.Admin, credentials, "arn:aws:iam::000000000000:root", LocalAccount.Id, null, null));
        var authorization = $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature={ExampleSignature}";

        var context = ExampleRequest();
        context.Request.Headers.Authorization = authorization;
        var stale = new SigV4Verifier(store, TimeProvider.System).Verify(context.Request, []);
        Assert.Equal(SigV4Failure.RequestTimeTooSkewed, stale.Failure);

        var tampered = ExampleRequest();
        tampered.Request.Headers.Authorization = authorization;
        tampered.Request.QueryString = new QueryString("?Action=DeleteUser&Version=2010-05-08");
        Assert.Equal(SigV4Failure.SignatureMismatch, new SigV4Verifier(store, TimeProvider.System).Verify(tampered.Request, []).Failure);

        var withBody = ExampleRequest();
        withBody.Request.Headers.Authorization = authorization;
        Assert.Equal(SigV4Failure.SignatureMismatch, new SigV4Verifier(store, TimeProvider.System).Verify(withBody.Request, "x"u8).Failure);

        var unsigned = ExampleRequest();
        Assert.Equal(SigV4Failure.MissingAuthentication, new SigV4Verifier(store, TimeProvider.System).Verify(unsigned.Request, []).Failure);
    }

    [Fact]
    public void Program_settings_default_to_fixed_ports_and_accept_overrides()
    {
        var defaults = LocalCloudSettings.FromConfiguration([]);
        Assert.Equal(LocalCloudSettings.DefaultPort, defaults.Port);
        Assert.Equal(LocalCloudSettings.DefaultDynamoDbLocalPort, defaults.DynamoDbLocalPort);

        var overridden = LocalCloudSettings.FromConfiguration(["--Port", "5100", "--DynamoDbPort", "5101", "--UserPoolId", "us-east-1_Other"]);
        Assert.Equal(5100, overridden.Port);
        Assert.Equal(5101, overridden.DynamoDbLocalPort);
        Assert.Equal("us-east-1_Other", overridden.Issuer.UserPoolId);
    }
}
