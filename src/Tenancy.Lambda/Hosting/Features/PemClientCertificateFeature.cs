using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http.Features;

namespace Tenancy.Lambda.Hosting.Features;

/// <summary>
/// The mTLS client certificate API Gateway forwarded as PEM, parsed only when asked for. A truncated or invalid PEM
/// reads as "no certificate" instead of failing the whole invocation.
/// </summary>
internal sealed class PemClientCertificateFeature(string pem) : ITlsConnectionFeature
{
    private bool _parsed;
    private X509Certificate2? _certificate;

    public X509Certificate2? ClientCertificate
    {
        get
        {
            if (!_parsed)
            {
                _parsed = true;
                _certificate = TryParse(pem);
            }

            return _certificate;
        }
        set
        {
            _parsed = true;
            _certificate = value;
        }
    }

    public Task<X509Certificate2?> GetClientCertificateAsync(CancellationToken cancellationToken) => Task.FromResult(ClientCertificate);

    private static X509Certificate2? TryParse(string pem)
    {
        try
        {
            return X509Certificate2.CreateFromPem(pem.Trim());
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            return null;
        }
    }
}
