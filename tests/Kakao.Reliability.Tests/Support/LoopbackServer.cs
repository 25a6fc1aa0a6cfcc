using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kakao.Reliability.Tests.Support;

/// <summary>
/// A tiny Kestrel server on 127.0.0.1 (port 0) answering every request with one handler and recording what
/// arrived (method, host, path, Authorization header). Optionally HTTPS with a given certificate.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri address, ConcurrentQueue<ReceivedCall> calls)
    {
        _app = app;
        Address = address;
        Calls = calls;
    }

    /// <summary>e.g. <c>http://127.0.0.1:51234</c> (no trailing slash).</summary>
    public Uri Address { get; }

    public int Port => Address.Port;

    public ConcurrentQueue<ReceivedCall> Calls { get; }

    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, Task> handler, X509Certificate2? certificate = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        var calls = new ConcurrentQueue<ReceivedCall>();
        app.Run(async context =>
        {
            calls.Enqueue(new ReceivedCall(context.Request.Method, context.Request.Host.Value ?? string.Empty, context.Request.Path.Value ?? "/", context.Request.Headers.Authorization.ToString()));
            await handler(context);
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackServer(app, new Uri(address.TrimEnd('/')), calls);
    }

    /// <summary>A self-signed certificate for 127.0.0.1/localhost, made here: no machine trusts it.</summary>
    public static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request a <see cref="LoopbackServer"/> received.</summary>
internal sealed record ReceivedCall(string Method, string Host, string Path, string Authorization);
