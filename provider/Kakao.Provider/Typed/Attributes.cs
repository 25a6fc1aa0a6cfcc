namespace Kakao.Provider.Typed;

/// <summary>
/// Marks a class as the resource <paramref name="token"/>: it implements <see cref="IResource{TInputs, TOutputs}"/>
/// and is <c>partial</c> (the generator adds its <c>Token</c>). The schema entry comes from its records.
/// </summary>
/// <param name="token">The type token, e.g. <c>kakao:index:KakaoSender</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class ResourceAttribute(string token) : Attribute
{
    /// <summary>The type token.</summary>
    public string Token { get; } = token;

    /// <summary>The resource's documentation (Markdown) in the schema.</summary>
    public string Description { get; init; } = "";
}

/// <summary>Marks a <c>partial</c> class as the function <paramref name="token"/> (it implements <see cref="IFunction{TArgs, TResult}"/>).</summary>
/// <param name="token">The function token, e.g. <c>kakao:index:getSender</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class FunctionAttribute(string token) : Attribute
{
    /// <summary>The function token.</summary>
    public string Token { get; } = token;

    /// <summary>The function's documentation (Markdown) in the schema.</summary>
    public string Description { get; init; } = "";

    /// <summary>
    /// The result properties the schema lists as required, when not every non-nullable one is (a result that a
    /// preview answers only in part).
    /// </summary>
    public string[] RequiredOutputs { get; init; } = [];
}

/// <summary>Marks a record as a named object type of the schema (nested objects and list items).</summary>
/// <param name="token">The type token, e.g. <c>kakao:index:SenderCategory</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class ObjectTypeAttribute(string token) : Attribute
{
    /// <summary>The type token.</summary>
    public string Token { get; } = token;

    /// <summary>The type's documentation.</summary>
    public string Description { get; init; } = "";
}

/// <summary>Marks an enum as a string enum type of the schema; members map to SCREAMING_SNAKE values unless <see cref="EnumValueAttribute"/> says otherwise.</summary>
/// <param name="token">The type token, e.g. <c>kakao:index:WebhookTrigger</c>.</param>
[AttributeUsage(AttributeTargets.Enum, Inherited = false)]
internal sealed class EnumTypeAttribute(string token) : Attribute
{
    /// <summary>The type token.</summary>
    public string Token { get; } = token;

    /// <summary>The type's documentation.</summary>
    public string Description { get; init; } = "";
}

/// <summary>The wire value and documentation of one enum member.</summary>
/// <param name="value">The value on the wire.</param>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
internal sealed class EnumValueAttribute(string value) : Attribute
{
    /// <summary>The value on the wire.</summary>
    public string Value { get; } = value;

    /// <summary>What the value means.</summary>
    public string Description { get; init; } = "";
}

/// <summary>
/// Marks the record that describes the package: its named arguments are the schema's package facts and its
/// <see cref="PropertyAttribute"/> members are the provider configuration. The generator adds <c>SchemaJson</c>.
/// </summary>
/// <param name="name">The package name, e.g. <c>kakao</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class PackageAttribute(string name) : Attribute
{
    /// <summary>The package name.</summary>
    public string Name { get; } = name;

    /// <summary>Shown in the Pulumi Registry.</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>One sentence about the package.</summary>
    public string Description { get; init; } = "";

    /// <summary>Registry keywords.</summary>
    public string[] Keywords { get; init; } = [];

    /// <summary>Project home page.</summary>
    public string Homepage { get; init; } = "";

    /// <summary>Source repository.</summary>
    public string Repository { get; init; } = "";

    /// <summary>SPDX license.</summary>
    public string License { get; init; } = "";

    /// <summary>Who publishes the package.</summary>
    public string Publisher { get; init; } = "";

    /// <summary>Where the engine auto-installs the plugin from.</summary>
    public string PluginDownloadUrl { get; init; } = "";

    /// <summary>The provider resource's documentation.</summary>
    public string ProviderDescription { get; init; } = "";

    /// <summary>C# SDK root namespace.</summary>
    public string CSharpRootNamespace { get; init; } = "";

    /// <summary>C# SDK namespace of the package module.</summary>
    public string CSharpNamespace { get; init; } = "";

    /// <summary>C# SDK package references, <c>Name=Version</c>.</summary>
    public string[] CSharpPackageReferences { get; init; } = [];
}

/// <summary>
/// A schema property: its documentation and the facts the layer derives defaults from. Required is the C#
/// type's: a non-nullable property without <see cref="Default"/> is required; <c>T?</c> is optional.
/// </summary>
/// <param name="description">What the property is (Markdown).</param>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
internal sealed class PropertyAttribute(string description) : Attribute
{
    /// <summary>What the property is.</summary>
    public string Description { get; } = description;

    /// <summary>The wire name; by default the camelCase C# name.</summary>
    public string? Name { get; init; }

    /// <summary>An example value, appended to the description as <c>Example: `…`</c>.</summary>
    public string? Example { get; init; }

    /// <summary>Always secret in inputs, outputs and state; never quoted in a message.</summary>
    public bool Secret { get; init; }

    /// <summary>A change replaces the resource (default Diff), and the schema says so.</summary>
    public bool ReplaceOnChanges { get; init; }

    /// <summary>The description of the output when it differs from the input's.</summary>
    public string? OutputDescription { get; init; }

    /// <summary>An optional input that the outputs always carry (resolved, e.g. a default from the provider).</summary>
    public bool OutputRequired { get; init; }

    /// <summary>An output that an update keeps (identity, creation time): a preview shows the old value, not unknown.</summary>
    public bool Stable { get; init; }

    /// <summary>The value an absent input takes (Check fills it in; Diff treats absence as it).</summary>
    public object? Default { get; init; }

    /// <summary>Shortest string accepted by the default Check; -1 for none.</summary>
    public int MinLength { get; init; } = -1;

    /// <summary>Longest string accepted by the default Check; -1 for none.</summary>
    public int MaxLength { get; init; } = -1;

    /// <summary>Smallest number accepted by the default Check; NaN for none.</summary>
    public double Minimum { get; init; } = double.NaN;

    /// <summary>Largest number accepted by the default Check; NaN for none.</summary>
    public double Maximum { get; init; } = double.NaN;

    /// <summary>Fewest list items accepted by the default Check; -1 for none.</summary>
    public int MinItems { get; init; } = -1;

    /// <summary>Configuration only: the environment variable the value falls back to.</summary>
    public string? Environment { get; init; }
}
