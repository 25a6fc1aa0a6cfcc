using Kakao.EngineHarness.Results;
using Kakao.EngineHarness.Values;

namespace Kakao.EngineHarness.Lifecycle;

/// <summary>One resource as the engine records it in the stack's state.</summary>
/// <param name="Urn">The resource URN.</param>
/// <param name="Id">The provider-assigned id.</param>
/// <param name="Inputs">The checked inputs.</param>
/// <param name="Outputs">The outputs.</param>
public sealed record ResourceState(ResourceUrn Urn, string Id, PropertyMap Inputs, PropertyMap Outputs)
{
    /// <summary>The options it was declared with (timeouts and ignoreChanges are used again on refresh and delete).</summary>
    public ResourceOptions Options { get; init; } = ResourceOptions.None;
}
