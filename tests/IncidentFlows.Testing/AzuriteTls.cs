using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;

namespace IncidentFlows.Testing;

/// <summary>
/// A throw-away self-signed certificate for 127.0.0.1 written as PEM files for Azurite's <c>--cert/--key</c>,
/// and an HTTP transport that trusts exactly that certificate (by thumbprint), nothing else.
/// </summary>
public sealed class AzuriteTls : IDisposable
{
    private readonly DirectoryInfo _directory;

    public AzuriteTls()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        Thumbprint = certificate.Thumbprint;
        _directory = Directory.CreateTempSubdirectory("azurite-tls-");
        CertificatePath = Path.Combine(_directory.FullName, "cert.pem");
        KeyPath = Path.Combine(_directory.FullName, "key.pem");
        File.WriteAllText(CertificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
    }

    public string CertificatePath { get; }

    public string KeyPath { get; }

    public string Thumbprint { get; }

    /// <summary>An Azure.Core transport whose TLS validation accepts only this certificate.</summary>
    public HttpClientTransport CreateTransport()
    {
#pragma warning disable CA2000 // The HttpClient owns the handler and the transport owns the client for the pipeline's lifetime.
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                certificate is not null && string.Equals(certificate.Thumbprint, Thumbprint, StringComparison.OrdinalIgnoreCase),
        };
        return new HttpClientTransport(new HttpClient(handler));
#pragma warning restore CA2000
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
