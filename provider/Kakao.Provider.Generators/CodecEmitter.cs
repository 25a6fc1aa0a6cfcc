using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Kakao.Provider.Generators;

/// <summary>Writes the C# of a record's codec (spec, decode, encode), an enum's wire names and a token member.</summary>
internal static class CodecEmitter
{
    private const string Typed = "global::" + Names.Namespace + ".";

    public static string Record(RecordModel record)
    {
        var hides = record.BaseType is null ? "" : "new ";
        var code = new StringBuilder();
        Header(code, record.Namespace);
        code.Append("partial ").Append(record.Keyword).Append(' ').Append(record.Name)
            .Append(" : ").Append(Typed).Append("IPropertyRecord<").Append(record.ClrType).Append(">\n{\n");
        code.Append("    /// <summary>The schema facts of this record's properties, from their attributes.</summary>\n");
        code.Append("    public static ").Append(hides).Append(Typed).Append("RecordSpec Spec => s_spec ??= new(")
            .Append(record.Token is null ? "null" : Literal(record.Token)).Append(", new ").Append(Typed).Append("PropertySpec[]\n    {\n");
        foreach (var property in record.Properties)
        {
            code.Append("        ").Append(Spec(property.WireName, property.Type, property)).Append(",\n");
        }

        code.Append("    });\n\n");
        code.Append("    private static ").Append(Typed).Append("RecordSpec? s_spec;\n\n");
        code.Append("    /// <summary>Reads the record from a property map (see <see cref=\"").Append(Typed).Append("PropertyReader\"/> for strictness).</summary>\n");
        code.Append("    public static ").Append(hides).Append(record.ClrType).Append(" Decode(").Append(Typed).Append("PropertyReader reader) => new()\n    {\n");
        foreach (var property in record.Properties)
        {
            code.Append("        ").Append(property.ClrName).Append(" = ").Append(Read(property)).Append(",\n");
        }

        code.Append("    };\n\n");
        code.Append("    /// <summary>Writes the record into a property map, secrets wrapped, absent values left out.</summary>\n");
        code.Append("    public static void Encode(").Append(record.ClrType).Append(" value, ").Append(Typed).Append("PropertyWriter writer)\n    {\n");
        code.Append("        global::System.ArgumentNullException.ThrowIfNull(value);\n");
        code.Append("        global::System.ArgumentNullException.ThrowIfNull(writer);\n");
        foreach (var property in record.Properties)
        {
            code.Append("        ").Append(Write(property)).Append(";\n");
        }

        code.Append("    }\n\n");
        code.Append("    /// <summary>The wire names of the properties.</summary>\n");
        code.Append("    public ").Append(hides).Append("static class WireNames\n    {\n");
        foreach (var property in record.Properties)
        {
            code.Append("        public const string ").Append(property.ClrName).Append(" = ").Append(Literal(property.WireName)).Append(";\n");
        }

        code.Append("    }\n}\n");
        return code.ToString();
    }

    public static string Enum(EnumModel model)
    {
        var (ns, name) = Split(model.ClrType);
        var code = new StringBuilder();
        Header(code, ns);
        code.Append("/// <summary>Wire values of <see cref=\"").Append(model.ClrType).Append("\"/> (").Append(model.Token).Append(").</summary>\n");
        code.Append("internal static class ").Append(name).Append("Wire\n{\n");
        code.Append("    /// <summary>Every wire value, in declaration order.</summary>\n");
        code.Append("    public static global::System.Collections.Generic.IReadOnlyList<string> Values { get; } = new[] { ")
            .Append(string.Join(", ", model.Members.Select(m => Literal(m.Value)))).Append(" };\n\n");
        code.Append("    /// <summary>The wire value of a member.</summary>\n");
        code.Append("    public static string Format(").Append(model.ClrType).Append(" value) => value switch\n    {\n");
        foreach (var member in model.Members)
        {
            code.Append("        ").Append(model.ClrType).Append('.').Append(member.ClrName).Append(" => ").Append(Literal(member.Value)).Append(",\n");
        }

        code.Append("        _ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, null),\n    };\n\n");
        code.Append("    /// <summary>The member of a wire value (exact, case-sensitive).</summary>\n");
        code.Append("    public static bool TryParse(string text, out ").Append(model.ClrType).Append(" value)\n    {\n        switch (text)\n        {\n");
        foreach (var member in model.Members)
        {
            code.Append("            case ").Append(Literal(member.Value)).Append(":\n                value = ").Append(model.ClrType).Append('.').Append(member.ClrName).Append(";\n                return true;\n");
        }

        code.Append("            default:\n                value = default;\n                return false;\n        }\n    }\n}\n");
        return code.ToString();
    }

    public static string Token(DeclarationModel declaration)
    {
        var code = new StringBuilder();
        Header(code, declaration.Namespace);
        code.Append("partial class ").Append(declaration.Name).Append("\n{\n");
        code.Append("    /// <summary>The schema token, from the [").Append(declaration.Kind).Append("] attribute.</summary>\n");
        code.Append("    public const string TypeToken = ").Append(Literal(declaration.Token)).Append(";\n\n");
        code.Append("    /// <inheritdoc/>\n    public string Token => TypeToken;\n}\n");
        return code.ToString();
    }

    public static string Schema(RecordModel package, string json)
    {
        var code = new StringBuilder();
        Header(code, package.Namespace);
        code.Append("partial ").Append(package.Keyword).Append(' ').Append(package.Name).Append("\n{\n");
        code.Append("    /// <summary>The package schema generated from the resource, function and type records (unversioned).</summary>\n");
        code.Append("    public const string SchemaJson = ").Append(SymbolDisplay.FormatLiteral(json, quote: true)).Append(";\n}\n");
        return code.ToString();
    }

    private static void Header(StringBuilder code, string ns)
    {
        code.Append("// <auto-generated/> by Kakao.Provider.Generators: edit the records and their attributes instead.\n#nullable enable\n\n");
        if (ns.Length > 0 && ns != "<global namespace>")
        {
            code.Append("namespace ").Append(ns).Append(";\n\n");
        }
    }

    private static string Spec(string wireName, TypeModel type, PropertyModel? property)
    {
        var kind = type.Kind switch
        {
            WireKind.Bool => "Bool",
            WireKind.Integer => "Integer",
            WireKind.Number => "Number",
            WireKind.Object => "Object",
            WireKind.Array => "Array",
            _ => "String",
        };
        var init = new List<string>();
        if (property is not null)
        {
            if (property.Required) init.Add("Required = true");
            if (property.Secret) init.Add("Secret = true");
            if (property.ReplaceOnChanges) init.Add("ReplaceOnChanges = true");
            if (property.OutputRequired) init.Add("OutputRequired = true");
            if (property.Stable) init.Add("Stable = true");
            if (property.DefaultCSharp is { } value) init.Add($"Default = {Typed}PropertyDefaults.Of({value})");
            if (property.MinLength is { } min) init.Add($"MinLength = {min.ToString(CultureInfo.InvariantCulture)}");
            if (property.MaxLength is { } max) init.Add($"MaxLength = {max.ToString(CultureInfo.InvariantCulture)}");
            if (property.Minimum is { } minimum) init.Add($"Minimum = {minimum.ToString("R", CultureInfo.InvariantCulture)}d");
            if (property.Maximum is { } maximum) init.Add($"Maximum = {maximum.ToString("R", CultureInfo.InvariantCulture)}d");
            if (property.MinItems is { } minItems) init.Add($"MinItems = {minItems.ToString(CultureInfo.InvariantCulture)}");
        }

        if (type.Kind == WireKind.Enum) init.Add($"AllowedValues = {WireClass(type.ClrType)}.Values");
        if (type.Kind == WireKind.Object) init.Add($"Object = static () => {type.ClrType}.Spec");
        if (type.Kind == WireKind.Array) init.Add("Items = " + Spec(wireName, type.Items!, null));
        return $"new {Typed}PropertySpec({Literal(wireName)}, {Typed}PropertyKind.{kind})" + (init.Count == 0 ? "" : " { " + string.Join(", ", init) + " }");
    }

    private static string Read(PropertyModel property)
    {
        var name = Literal(property.WireName);
        var required = property.Required ? "true" : "false";
        var type = property.Type;
        string call = type.Kind switch
        {
            WireKind.String => $"reader.String({name}, {required})",
            WireKind.Bool => $"reader.Bool({name}, {required})",
            WireKind.Integer => $"reader.Integer({name}, {required})",
            WireKind.Number => $"reader.Number({name}, {required})",
            WireKind.Enum => $"reader.Enum<{type.ClrType}>({name}, {WireClass(type.ClrType)}.TryParse, {required})",
            WireKind.Object => $"reader.Object<{type.ClrType}>({name}, {required})",
            _ => type.Items!.Kind switch
            {
                WireKind.Enum => $"reader.EnumList<{type.Items.ClrType}>({name}, {WireClass(type.Items.ClrType)}.TryParse, {required})",
                WireKind.Object => $"reader.ObjectList<{type.Items.ClrType}>({name}, {required})",
                _ => $"reader.StringList({name}, {required})",
            },
        };

        if (property.Nullable)
        {
            return call;
        }

        if (property.DefaultCSharp is { } value)
        {
            return $"{call} ?? {value}";
        }

        return type.Kind switch
        {
            WireKind.Bool or WireKind.Integer or WireKind.Number or WireKind.Enum => call + " ?? default",
            WireKind.Array => call + " ?? global::System.Array.Empty<" + type.Items!.ClrType + ">()",
            _ => call + "!",
        };
    }

    private static string Write(PropertyModel property)
    {
        var name = Literal(property.WireName);
        var value = "value." + property.ClrName;
        var type = property.Type;
        return type.Kind switch
        {
            WireKind.String => $"writer.String({name}, {value})",
            WireKind.Bool => $"writer.Bool({name}, {value})",
            WireKind.Integer => $"writer.Integer({name}, {value})",
            WireKind.Number => $"writer.Number({name}, {value})",
            WireKind.Enum => $"writer.Enum({name}, {value}, {WireClass(type.ClrType)}.Format)",
            WireKind.Object => $"writer.Object({name}, {value})",
            _ => type.Items!.Kind switch
            {
                WireKind.Enum => $"writer.EnumList({name}, {value}, {WireClass(type.Items.ClrType)}.Format)",
                WireKind.Object => $"writer.ObjectList({name}, {value})",
                _ => $"writer.StringList({name}, {value})",
            },
        };
    }

    private static string WireClass(string enumClrType) => enumClrType + "Wire";

    private static (string Namespace, string Name) Split(string clrType)
    {
        var plain = clrType.StartsWith("global::", System.StringComparison.Ordinal) ? clrType.Substring(8) : clrType;
        int dot = plain.LastIndexOf('.');
        return dot < 0 ? ("", plain) : (plain.Substring(0, dot), plain.Substring(dot + 1));
    }

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
