using Kakao.EngineHarness.Values;

namespace Kakao.EngineHarness.Results;

/// <summary>The answer to Handshake.</summary>
/// <param name="AcceptSecrets">The plugin accepts secret values.</param>
/// <param name="AcceptResources">The plugin accepts resource references.</param>
/// <param name="AcceptOutputs">The plugin accepts output values.</param>
public sealed record HandshakeResult(bool AcceptSecrets, bool AcceptResources, bool AcceptOutputs);

/// <summary>The answer to Configure.</summary>
/// <param name="AcceptSecrets">The plugin accepts secret values.</param>
/// <param name="SupportsPreview">The plugin wants Create/Update calls during preview.</param>
/// <param name="AcceptResources">The plugin accepts resource references.</param>
/// <param name="AcceptOutputs">The plugin accepts output values.</param>
public sealed record ConfigureResult(bool AcceptSecrets, bool SupportsPreview, bool AcceptResources, bool AcceptOutputs)
{
    /// <summary>
    /// False when the checked configuration held unknown values: the engine then does not call Configure at all
    /// and answers the resource calls itself (see docs/harness.md); the flags above are then all false.
    /// </summary>
    public bool ConfigurationKnown { get; init; } = true;

    /// <summary>The DiffConfig answer, when there was old configuration to compare with.</summary>
    public DiffResult? ConfigDiff { get; init; }
}

/// <summary>The answer to Create.</summary>
/// <param name="Id">The new object's id (empty in preview).</param>
/// <param name="Properties">The outputs.</param>
public sealed record CreateResult(string Id, PropertyMap Properties);

/// <summary>The answer to Read.</summary>
/// <param name="Id">The id, or empty when the object no longer exists.</param>
/// <param name="Properties">The current outputs.</param>
/// <param name="Inputs">The inputs that would reproduce the object.</param>
public sealed record ReadResult(string Id, PropertyMap Properties, PropertyMap Inputs)
{
    /// <summary>
    /// False when the answer carried no <c>inputs</c> Struct at all. The engine then keeps the stored inputs on
    /// refresh (and refuses an import); any Struct it did carry, even an empty one, replaces them.
    /// </summary>
    public bool HasInputs { get; init; } = true;

    /// <summary>False when the provider reported the object gone (empty id).</summary>
    public bool Exists => Id.Length > 0;
}

/// <summary>The answer to Update.</summary>
/// <param name="Properties">The new outputs.</param>
public sealed record UpdateResult(PropertyMap Properties);

/// <summary>The answer to Invoke.</summary>
/// <param name="Return">The function's result.</param>
/// <param name="Failures">Argument failures, when the arguments were rejected.</param>
public sealed record InvokeResult(PropertyMap Return, IReadOnlyList<CheckFailure> Failures);

/// <summary>A required configuration key the provider reported missing.</summary>
/// <param name="Name">The key, e.g. <c>kakao:projectId</c>.</param>
/// <param name="Description">What the key is for.</param>
public sealed record MissingConfigKey(string Name, string Description);

/// <summary>
/// The <c>ErrorResourceInitFailed</c> detail: the object was created but a later step failed, so the engine
/// keeps it in state.
/// </summary>
/// <param name="Id">The created object's id.</param>
/// <param name="Properties">Its outputs as far as known.</param>
/// <param name="Inputs">Its inputs.</param>
/// <param name="Reasons">What failed.</param>
public sealed record ResourceInitFailure(string Id, PropertyMap Properties, PropertyMap Inputs, IReadOnlyList<string> Reasons);
