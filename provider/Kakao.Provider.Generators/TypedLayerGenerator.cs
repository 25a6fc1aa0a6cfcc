using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Kakao.Provider.Generators;

/// <summary>
/// Generates, from the records of each <c>[Resource]</c>, <c>[Function]</c> and the <c>[Package]</c>: a codec per
/// record (spec, decode, encode: no reflection, AOT-safe), wire names per enum, the token members and the
/// package schema JSON.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TypedLayerGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<DeclarationModel?> Find(string attribute, DeclarationKind kind) =>
            context.SyntaxProvider.ForAttributeWithMetadataName(
                attribute,
                static (node, _) => node is TypeDeclarationSyntax,
                (syntax, _) => Extractor.Read(kind, (INamedTypeSymbol)syntax.TargetSymbol, syntax.Attributes[0]));

        var all = Find(Names.Resource, DeclarationKind.Resource).Collect()
            .Combine(Find(Names.Function, DeclarationKind.Function).Collect())
            .Combine(Find(Names.Package, DeclarationKind.Package).Collect());
        context.RegisterSourceOutput(all, static (output, input) =>
            Emit(output, input.Left.Left, input.Left.Right, input.Right));
    }

    private static void Emit(SourceProductionContext output, ImmutableArray<DeclarationModel?> resources, ImmutableArray<DeclarationModel?> functions, ImmutableArray<DeclarationModel?> packages)
    {
        var declarations = resources.Concat(functions).Concat(packages).Where(d => d is not null).Select(d => d!).ToList();
        var reported = new HashSet<DiagnosticModel>();
        foreach (var diagnostic in declarations.SelectMany(d => d.Diagnostics).Where(reported.Add))
        {
            output.ReportDiagnostic(Diagnostic.Create(
                new DiagnosticDescriptor(diagnostic.Id, "Typed layer declaration", "{0}", "Kakao.Provider.Typed", DiagnosticSeverity.Error, isEnabledByDefault: true),
                diagnostic.FilePath is null
                    ? Location.None
                    : Location.Create(diagnostic.FilePath, new TextSpan(diagnostic.Start, diagnostic.Length), new LinePositionSpan(new LinePosition(diagnostic.StartLine, diagnostic.StartColumn), new LinePosition(diagnostic.EndLine, diagnostic.EndColumn))),
                diagnostic.Message));
        }

        if (reported.Count > 0)
        {
            return;
        }

        var records = new Dictionary<string, RecordModel>();
        var packageRecords = new HashSet<string>(packages.Where(p => p is not null).Select(p => p!.ClrType));
        foreach (var record in declarations.SelectMany(d => d.Records))
        {
            if (!records.ContainsKey(record.ClrType))
            {
                records.Add(record.ClrType, record);
            }
        }

        var enums = new Dictionary<string, EnumModel>();
        foreach (var model in declarations.SelectMany(d => d.Enums))
        {
            if (!enums.ContainsKey(model.ClrType))
            {
                enums.Add(model.ClrType, model);
            }
        }

        foreach (var record in records.Values.Where(r => !packageRecords.Contains(r.ClrType)))
        {
            output.AddSource(HintName(record.ClrType) + ".Codec.g.cs", CodecEmitter.Record(record));
        }

        foreach (var model in enums.Values)
        {
            output.AddSource(HintName(model.ClrType) + ".Wire.g.cs", CodecEmitter.Enum(model));
        }

        foreach (var declaration in declarations.Where(d => d.Kind != DeclarationKind.Package))
        {
            output.AddSource(HintName(declaration.ClrType) + ".Token.g.cs", CodecEmitter.Token(declaration));
        }

        if (packages.FirstOrDefault(p => p is not null) is { } package)
        {
            var schemaRecords = records.Where(r => !packageRecords.Contains(r.Key)).ToDictionary(r => r.Key, r => r.Value);
            var json = new SchemaEmitter(schemaRecords, enums.Values.ToList()).Write(
                package,
                declarations.Where(d => d.Kind == DeclarationKind.Resource),
                declarations.Where(d => d.Kind == DeclarationKind.Function));
            output.AddSource(HintName(package.ClrType) + ".Schema.g.cs", CodecEmitter.Schema(package.Records[0], json));
        }
    }

    private static string HintName(string clrType) =>
        new string(clrType.Replace("global::", "").Select(c => char.IsLetterOrDigit(c) || c == '.' ? c : '_').ToArray());
}
