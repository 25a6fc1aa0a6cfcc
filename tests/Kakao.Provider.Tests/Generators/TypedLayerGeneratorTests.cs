using Kakao.Provider.Generators;
using Kakao.Provider.Typed;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Kakao.Provider.Tests.Generators;

/// <summary>The source generator run on source text with a plain <see cref="CSharpGeneratorDriver"/>.</summary>
public class TypedLayerGeneratorTests
{
    private const string Header = """
        using Kakao.Provider.Typed;
        namespace Sample;
        """;

    private const string Resource = """
        [Resource("x:index:Thing", Description = "A thing.")]
        internal sealed partial class ThingResource : IResource<ThingInputs, ThingOutputs>
        {
            public Task<CreateResult<ThingOutputs>> CreateAsync(CreateRequest<ThingInputs> request, CancellationToken cancellationToken) =>
                throw new NotSupportedException();
        }

        internal partial record ThingOutputs : ThingInputs
        {
            [Property("The id.")] public string? ThingId { get; init; }
        }
        """;

    private static (GeneratorDriverRunResult Run, Compilation Output) Generate(string source)
    {
        var references = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && a.Location.Length > 0)
            .Select(a => MetadataReference.CreateFromFile(a.Location))
            .Append(MetadataReference.CreateFromFile(typeof(ResourceAttribute).Assembly.Location));
        // Named like this test assembly, which the provider lets see its internal attributes.
        var compilation = CSharpCompilation.Create(
            "Kakao.Provider.Tests",
            [CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic; global using System.Threading; global using System.Threading.Tasks;\n" + Header + "\n" + source)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create(new TypedLayerGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (driver.GetRunResult(), output);
    }

    [Test]
    public void Run_ResourceWithNestedListsAndEnums_CompilesWithCodecTokenAndWireNames()
    {
        var (run, output) = Generate(Resource + """
            [EnumType("x:index:Kind")] internal enum Kind { First, SecondOne }
            [ObjectType("x:index:Part")] internal sealed partial record Part { [Property("Label.")] public required string Label { get; init; } }
            internal partial record ThingInputs
            {
                [Property("Name.", ReplaceOnChanges = true)] public required string Name { get; init; }
                [Property("Parts.")] public required IReadOnlyList<Part> Parts { get; init; }
                [Property("Kinds.")] public IReadOnlyList<Kind>? Kinds { get; init; }
            }
            """);

        var generated = run.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.Diagnostics, Is.Empty);
            Assert.That(generated, Is.SupersetOf(new[]
            {
                "Sample.ThingInputs.Codec.g.cs", "Sample.ThingOutputs.Codec.g.cs", "Sample.Part.Codec.g.cs",
                "Sample.Kind.Wire.g.cs", "Sample.ThingResource.Token.g.cs",
            }));
            Assert.That(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
            var wire = run.Results.Single().GeneratedSources.Single(s => s.HintName == "Sample.Kind.Wire.g.cs").SourceText.ToString();
            Assert.That(wire, Does.Contain("\"SECOND_ONE\""));
        });
    }

    [Test]
    public void Run_RecordNotPartial_ReportsKpg004()
    {
        var (run, _) = Generate(Resource.Replace("internal partial record ThingOutputs", "internal record ThingOutputs", StringComparison.Ordinal) + """
            internal partial record ThingInputs { [Property("Name.")] public required string Name { get; init; } }
            """);

        Assert.That(run.Diagnostics.Select(d => d.Id), Does.Contain("KPG004"));
    }

    [Test]
    public void Run_UnsupportedPropertyType_ReportsKpg003NamingIt()
    {
        var (run, _) = Generate(Resource + """
            internal partial record ThingInputs { [Property("Tags.")] public Dictionary<string, string>? Tags { get; init; } }
            """);

        var diagnostic = run.Diagnostics.Single(d => d.Id == "KPG003");
        Assert.That(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), Does.Contain("Tags"));
    }

    [Test]
    public void Run_UnchangedInputTwice_CachesTheOutputs()
    {
        var source = Resource + """
            internal partial record ThingInputs { [Property("Name.")] public required string Name { get; init; } }
            """;
        var compilation = CSharpCompilation.Create(
            "Kakao.Provider.Tests",
            [CSharpSyntaxTree.ParseText(Header + "\n" + source)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(typeof(ResourceAttribute).Assembly.Location)]);
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new TypedLayerGenerator().AsSourceGenerator()], driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);

        var second = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; internal class Unrelated { }"))).GetRunResult();

        var reasons = second.Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).Distinct().ToList();
        Assert.That(reasons, Is.All.EqualTo(IncrementalStepRunReason.Cached).Or.EqualTo(IncrementalStepRunReason.Unchanged));
    }
}
