namespace Kakao.Provider.Generators;

/// <summary>What a property's value is on the wire.</summary>
internal enum WireKind
{
    String,
    Bool,
    Integer,
    Number,
    Enum,
    Object,
    Array,
}

/// <summary>A property's type: its wire kind, its C# type and, for objects and enums, their schema token.</summary>
internal sealed record TypeModel(WireKind Kind, string ClrType, string? Token, TypeModel? Items);

/// <summary>One schema property of a record, with the facts its attribute declares.</summary>
internal sealed record PropertyModel(
    string ClrName,
    string WireName,
    TypeModel Type,
    bool Nullable,
    string Description,
    string? OutputDescription,
    string? Example,
    bool Secret,
    bool ReplaceOnChanges,
    bool OutputRequired,
    bool Stable,
    string? DefaultCSharp,
    string? DefaultJson,
    int? MinLength,
    int? MaxLength,
    double? Minimum,
    double? Maximum,
    int? MinItems,
    string? Environment)
{
    /// <summary>Required: not nullable and no default.</summary>
    public bool Required => !Nullable && DefaultCSharp is null;
}

/// <summary>A record the generator writes a codec for.</summary>
internal sealed record RecordModel(
    string ClrType,
    string Namespace,
    string Name,
    string Keyword,
    string? BaseType,
    string? Token,
    string? Description,
    EquatableArray<PropertyModel> Properties);

/// <summary>One member of an enum type: its C# name, wire value and description.</summary>
internal sealed record EnumMemberModel(string ClrName, string Value, string? Description);

/// <summary>A string enum type of the schema.</summary>
internal sealed record EnumModel(string ClrType, string Token, string Description, EquatableArray<EnumMemberModel> Members);

/// <summary>What kind of declaration carries a token.</summary>
internal enum DeclarationKind
{
    Resource,
    Function,
    Package,
}

/// <summary>
/// A declaration found by attribute (a resource, a function or the package), with every record and enum it
/// reaches and any problems found.
/// </summary>
internal sealed record DeclarationModel(
    DeclarationKind Kind,
    string ClrType,
    string Namespace,
    string Name,
    string Token,
    string Description,
    string? InputsType,
    string? OutputsType,
    EquatableArray<string> RequiredOutputs,
    EquatableArray<PackageFact> Facts,
    EquatableArray<RecordModel> Records,
    EquatableArray<EnumModel> Enums,
    EquatableArray<DiagnosticModel> Diagnostics);

/// <summary>A named package-level fact (displayName, keywords, …) from the package attribute.</summary>
internal sealed record PackageFact(string Name, EquatableArray<string> Values);

/// <summary>A problem to report, kept as plain data so the model stays cacheable.</summary>
internal sealed record DiagnosticModel(string Id, string Message, string? FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn);
