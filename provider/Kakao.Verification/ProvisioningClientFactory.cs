using Kakao.Provisioning;
using Kakao.Verification.Stack;

namespace Kakao.Verification;

/// <summary>Creates API clients; tests substitute mocks.</summary>
internal interface IProvisioningClientFactory
{
    ProvisioningClient Create(SinchConnection connection);
}

/// <summary>Real clients over the network, on the run's clock.</summary>
internal sealed class ProvisioningClientFactory(TimeProvider timeProvider) : IProvisioningClientFactory
{
    public ProvisioningClient Create(SinchConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        try
        {
            return new ProvisioningClient(connection.ToOptions(timeProvider));
        }
        catch (ArgumentException ex)
        {
            // The client validates its options; a bad setting is the user's configuration, not a crash.
            throw new ConfigurationException($"Invalid Sinch settings: {ex.Message}");
        }
    }
}
