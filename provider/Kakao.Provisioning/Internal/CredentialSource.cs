using System.Net.Http.Headers;
using System.Text;

namespace Kakao.Provisioning.Internal;

/// <summary>Supplies the <c>Authorization</c> header of API requests.</summary>
internal abstract class CredentialSource
{
    /// <summary>Whether a 401 is worth one retry with fresh credentials (true for tokens, false for keys).</summary>
    public abstract bool CanRefresh { get; }

    /// <summary>
    /// The header to send. <paramref name="rejected"/> is the header the API just refused with 401: a token
    /// equal to it is not reused.
    /// </summary>
    public abstract ValueTask<AuthenticationHeaderValue> GetAsync(AuthenticationHeaderValue? rejected, CancellationToken cancellationToken);

    /// <summary>The Basic header of an access key.</summary>
    public static AuthenticationHeaderValue BasicHeader(string keyId, string keySecret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{keyId}:{keySecret}")));
}

/// <summary>Access key sent as HTTP Basic on every request.</summary>
internal sealed class BasicCredentialSource(string keyId, string keySecret) : CredentialSource
{
    private readonly AuthenticationHeaderValue _header = BasicHeader(keyId, keySecret);

    public override bool CanRefresh => false;

    public override ValueTask<AuthenticationHeaderValue> GetAsync(AuthenticationHeaderValue? rejected, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_header);
}
