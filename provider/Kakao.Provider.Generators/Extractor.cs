using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Kakao.Provider.Generators;

/// <summary>Reads a resource, function or package declaration and every record and enum it reaches into models.</summary>
internal sealed class Extractor
{
    private static readonly SymbolDisplayFormat Qualified = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    private readonly List<RecordModel> _records = [];
    private readonly List<EnumModel> _enums = [];
    private readonly List<DiagnosticModel> _diagnostics = [];
    private readonly HashSet<string> _seen = [];
    private readonly Queue<INamedTypeSymbol> _pending = new();

    public static DeclarationModel? Read(DeclarationKind kind, INamedTypeSymbol symbol, AttributeData attribute)
    {
        var extractor = new Extractor();
        string token = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string ?? "" : "";
        string description = Named(attribute, "Description") ?? "";
        string? inputs = null, outputs = null;
        var facts = new List<PackageFact>();
        var requiredOutputs = new List<string>();
        if (kind == DeclarationKind.Package)
        {
            foreach (var arg in attribute.NamedArguments)
            {
                var values = arg.Value.Kind == TypedConstantKind.Array
                    ? arg.Value.Values.Select(v => v.Value?.ToString() ?? "")
                    : [arg.Value.Value?.ToString() ?? ""];
                facts.Add(new PackageFact(arg.Key, new EquatableArray<string>(values)));
            }

            extractor.RequirePartial(symbol);
            extractor._records.Add(extractor.ReadRecord(symbol, token: null, description: null));
        }
        else
        {
            var contract = kind == DeclarationKind.Resource ? Names.ResourceInterface : Names.FunctionInterface;
            var iface = symbol.AllInterfaces.FirstOrDefault(i => i.Name == contract && i.TypeArguments.Length == 2
                && i.ContainingNamespace.ToDisplayString() == Names.Namespace);
            if (iface is null)
            {
                extractor.Report("KPG001", $"{symbol.Name} carries [{kind}] but does not implement {contract}<TInputs, TOutputs>", symbol);
            }
            else
            {
                inputs = extractor.Enqueue(iface.TypeArguments[0]);
                outputs = extractor.Enqueue(iface.TypeArguments[1]);
            }

            extractor.RequirePartial(symbol);
            if (Array(attribute, "RequiredOutputs") is { } required)
            {
                requiredOutputs.AddRange(required);
            }
        }

        extractor.Drain();
        return new DeclarationModel(
            kind,
            symbol.ToDisplayString(Qualified),
            symbol.ContainingNamespace.ToDisplayString(),
            symbol.Name,
            token,
            description,
            inputs,
            outputs,
            new EquatableArray<string>(requiredOutputs),
            new EquatableArray<PackageFact>(facts),
            new EquatableArray<RecordModel>(extractor._records),
            new EquatableArray<EnumModel>(extractor._enums),
            new EquatableArray<DiagnosticModel>(extractor._diagnostics));
    }

    private string? Enqueue(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named || Attribute(named, Names.ObjectType) is null && !IsRecordWithProperties(named))
        {
            Report("KPG002", $"{type.Name} must be a partial record with [Property] members", type);
            return null;
        }

        if (_seen.Add(named.ToDisplayString(Qualified)))
        {
            _pending.Enqueue(named);
        }

        return named.ToDisplayString(Qualified);
    }

    private static bool IsRecordWithProperties(INamedTypeSymbol type) => type.IsRecord;

    private void Drain()
    {
        while (_pending.Count > 0)
        {
            var record = _pending.Dequeue();
            RequirePartial(record);
            var objectType = Attribute(record, Names.ObjectType);
            var token = objectType?.ConstructorArguments.FirstOrDefault().Value as string;
            _records.Add(ReadRecord(record, token, objectType is null ? null : Named(objectType, "Description")));
            for (var baseType = record.BaseType; baseType is { IsRecord: true }; baseType = baseType.BaseType)
            {
                if (_seen.Add(baseType.ToDisplayString(Qualified)))
                {
                    _pending.Enqueue(baseType);
                }
            }
        }
    }

    private RecordModel ReadRecord(INamedTypeSymbol record, string? token, string? description)
    {
        var chain = new List<INamedTypeSymbol>();
        for (var type = record; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
        {
            chain.Insert(0, type);
        }

        var properties = new List<PropertyModel>();
        foreach (var type in chain)
        {
            foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || Attribute(property, Names.Property) is not { } attribute)
                {
                    continue;
                }

                if (ReadProperty(property, attribute) is { } model)
                {
                    properties.Add(model);
                }
            }
        }

        return new RecordModel(
            record.ToDisplayString(Qualified),
            record.ContainingNamespace.ToDisplayString(),
            record.Name,
            record.IsRecord ? "record" : "class",
            record.BaseType is { IsRecord: true } baseRecord ? baseRecord.ToDisplayString(Qualified) : null,
            token,
            description,
            new EquatableArray<PropertyModel>(properties));
    }

    private PropertyModel? ReadProperty(IPropertySymbol property, AttributeData attribute)
    {
        var type = property.Type;
        bool nullable = type.NullableAnnotation == NullableAnnotation.Annotated;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper)
        {
            nullable = true;
            type = wrapper.TypeArguments[0];
        }

        if (MapType(type, property) is not { } mapped)
        {
            return null;
        }

        string? defaultCSharp = null, defaultJson = null;
        var defaultArg = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Default").Value;
        if (!defaultArg.IsNull && defaultArg.Value is { } value)
        {
            (string?, string?) literal = value switch
            {
                bool b => (b ? "true" : "false", b ? "true" : "false"),
                string s => (Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(s, quote: true), JsonText.Quote(s)),
                int i => (i.ToString(CultureInfo.InvariantCulture), i.ToString(CultureInfo.InvariantCulture)),
                double d => (d.ToString("R", CultureInfo.InvariantCulture) + "d", d.ToString("R", CultureInfo.InvariantCulture)),
                _ => (null, null),
            };
            (defaultCSharp, defaultJson) = literal;
        }

        var wireName = Named(attribute, "Name") ?? char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);
        return new PropertyModel(
            property.Name,
            wireName,
            mapped,
            nullable,
            attribute.ConstructorArguments.FirstOrDefault().Value as string ?? "",
            Named(attribute, "OutputDescription"),
            Named(attribute, "Example"),
            Flag(attribute, "Secret"),
            Flag(attribute, "ReplaceOnChanges"),
            Flag(attribute, "OutputRequired"),
            Flag(attribute, "Stable"),
            defaultCSharp,
            defaultJson,
            Int(attribute, "MinLength"),
            Int(attribute, "MaxLength"),
            Double(attribute, "Minimum"),
            Double(attribute, "Maximum"),
            Int(attribute, "MinItems"),
            Named(attribute, "Environment"));
    }

    private TypeModel? MapType(ITypeSymbol type, ISymbol where)
    {
        var clr = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(Qualified);
        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                return new TypeModel(WireKind.String, clr, null, null);
            case SpecialType.System_Boolean:
                return new TypeModel(WireKind.Bool, clr, null, null);
            case SpecialType.System_Int32:
                return new TypeModel(WireKind.Integer, clr, null, null);
            case SpecialType.System_Double:
                return new TypeModel(WireKind.Number, clr, null, null);
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            return Attribute(enumType, Names.EnumType) is { } enumAttribute
                ? new TypeModel(WireKind.Enum, clr, ReadEnum(enumType, enumAttribute), null)
                : Unsupported($"enum {type.Name} needs [EnumType(\"<token>\")]", where);
        }

        if (type is INamedTypeSymbol { IsGenericType: true, Name: "IReadOnlyList" } list)
        {
            var items = list.TypeArguments[0];
            var mappedItems = MapType(items.WithNullableAnnotation(NullableAnnotation.NotAnnotated), where);
            if (mappedItems is null)
            {
                return null;
            }

            return mappedItems.Kind is WireKind.String or WireKind.Enum or WireKind.Object
                ? new TypeModel(WireKind.Array, clr, null, mappedItems)
                : Unsupported("lists hold strings, enums or [ObjectType] records", where);
        }

        if (type is INamedTypeSymbol named && Attribute(named, Names.ObjectType) is { } objectType)
        {
            Enqueue(named);
            return new TypeModel(WireKind.Object, clr, objectType.ConstructorArguments.FirstOrDefault().Value as string, null);
        }

        return Unsupported($"{type.ToDisplayString()} is not a schema type (string, bool, int, double, an [EnumType] enum, an [ObjectType] record or an IReadOnlyList of those)", where);
    }

    private string ReadEnum(INamedTypeSymbol type, AttributeData attribute)
    {
        var token = attribute.ConstructorArguments.FirstOrDefault().Value as string ?? "";
        var clr = type.ToDisplayString(Qualified);
        if (_seen.Add(clr))
        {
            var members = type.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).Select(field =>
            {
                var valueAttribute = Attribute(field, Names.EnumValue);
                var value = valueAttribute?.ConstructorArguments.FirstOrDefault().Value as string ?? ScreamingSnake(field.Name);
                return new EnumMemberModel(field.Name, value, valueAttribute is null ? null : Named(valueAttribute, "Description"));
            });
            _enums.Add(new EnumModel(clr, token, Named(attribute, "Description") ?? "", new EquatableArray<EnumMemberModel>(members)));
        }

        return token;
    }

    /// <summary><c>SenderActive</c> → <c>SENDER_ACTIVE</c>.</summary>
    internal static string ScreamingSnake(string name)
    {
        var builder = new System.Text.StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(name[i]));
        }

        return builder.ToString();
    }

    private TypeModel? Unsupported(string message, ISymbol where)
    {
        Report("KPG003", $"{where.Name}: {message}", where);
        return null;
    }

    private void RequirePartial(INamedTypeSymbol type)
    {
        bool partial = type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax t
            && t.Modifiers.Any(m => m.Text == "partial"));
        if (!partial)
        {
            Report("KPG004", $"{type.Name} must be declared partial: the generator adds its codec and token", type);
        }
    }

    private void Report(string id, string message, ISymbol symbol)
    {
        var location = symbol.Locations.FirstOrDefault(l => l.IsInSource);
        var span = location?.GetLineSpan();
        _diagnostics.Add(new DiagnosticModel(
            id,
            message,
            location?.SourceTree?.FilePath,
            location?.SourceSpan.Start ?? 0,
            location?.SourceSpan.Length ?? 0,
            span?.StartLinePosition.Line ?? 0,
            span?.StartLinePosition.Character ?? 0,
            span?.EndLinePosition.Line ?? 0,
            span?.EndLinePosition.Character ?? 0));
    }

    private static AttributeData? Attribute(ISymbol symbol, string metadataName) =>
        symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == metadataName);

    private static string? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;

    private static bool Flag(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value is true;

    private static int? Int(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value is int i && i >= 0 ? i : null;

    private static double? Double(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value is double d && !double.IsNaN(d) ? d : null;

    private static IEnumerable<string>? Array(AttributeData attribute, string name)
    {
        var value = attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value;
        return value.Kind == TypedConstantKind.Array ? value.Values.Select(v => v.Value as string ?? "") : null;
    }
}
