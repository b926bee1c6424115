using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Tenancy.Local.Emulator.Services.Identity;

/// <summary>An RS256 signing key of the local issuer with its key id; its public half is published in the JWKS.</summary>
public sealed class IssuerSigningKey : IDisposable
{
    public IssuerSigningKey(string keyId)
    {
        KeyId = keyId;
        Rsa = RSA.Create(2048);
    }

    public string KeyId { get; }

    internal RSA Rsa { get; }

    public JsonObject ToJwk()
    {
        var parameters = Rsa.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["alg"] = "RS256",
            ["e"] = Base64Url.Encode(parameters.Exponent),
            ["kid"] = KeyId,
            ["kty"] = "RSA",
            ["n"] = Base64Url.Encode(parameters.Modulus),
            ["use"] = "sig",
        };
    }

    public byte[] Sign(ReadOnlySpan<byte> data) => Rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        Rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public void Dispose() => Rsa.Dispose();
}
