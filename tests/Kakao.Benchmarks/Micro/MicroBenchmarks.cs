using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Google.Protobuf.WellKnownTypes;
using Kakao.Provider.Configuration;
using Kakao.Provider.Grpc;
using Kakao.Provider.Models;
using Kakao.Provider.Resources.Sender;
using Kakao.Provider.Typed;
using Kakao.Provisioning.Internal;
using Kakao.Provisioning.Models;

namespace Kakao.Benchmarks.Micro;

/// <summary>Protobuf Struct &lt;-&gt; the plugin's property model, for a created sender's outputs (every Create/Read/Diff does both ways).</summary>
[MemoryDiagnoser]
public class ValueConversionBenchmarks
{
    [Benchmark(Description = "Struct -> PropertyMap (sender outputs)")]
    public object StructToPropertyMap() => PropertyValueConverter.ToPropertyMap(SenderFixtures.OutputsStruct);

    [Benchmark(Description = "PropertyMap -> Struct (sender outputs)")]
    public Struct PropertyMapToStruct() => PropertyValueConverter.ToStruct(SenderFixtures.Outputs);
}

/// <summary>A sender's JSON as the API sends it, with the client's own source-generated context and, for comparison, reflection.</summary>
[MemoryDiagnoser]
public class SenderJsonBenchmarks
{
    private static readonly KakaoSender Sender = JsonSerializer.Deserialize(SenderFixtures.SenderJson, ProvisioningJsonContext.Wire.KakaoSender)!;

    [Benchmark(Baseline = true, Description = "deserialise sender (source-generated)")]
    public KakaoSender? DeserializeSourceGenerated() => JsonSerializer.Deserialize(SenderFixtures.SenderJson, ProvisioningJsonContext.Wire.KakaoSender);

    [Benchmark(Description = "serialise sender (source-generated)")]
    public string SerializeSourceGenerated() => JsonSerializer.Serialize(Sender, ProvisioningJsonContext.Wire.KakaoSender);

    [Benchmark(Description = "deserialise sender (reflection, JsonSerializerOptions.Web)")]
    public KakaoSender? DeserializeReflection() => JsonSerializer.Deserialize<KakaoSender>(SenderFixtures.SenderJson, JsonSerializerOptions.Web);
}

/// <summary>The sender Diff: no change, an in-place update, a replacement.</summary>
[MemoryDiagnoser]
public class DiffBenchmarks
{
    private static readonly PropertyMap Renamed = SenderFixtures.Inputs.With("name", PropertyValue.Create("Sinch Demo Shop 2"));
    private static readonly PropertyMap Moved = SenderFixtures.Inputs.With("plusFriendId", PropertyValue.Create("@sinch-demo-2"));

    // The sender's Diff as the registry runs it (default diff from the records plus the project rule).
    private static readonly ResourceHandler<SenderInputs, SenderOutputs> Sender =
        new(new SenderResource(ConfiguredClients.Default(), new NoDiagnostics()));

    private static DiffResult Diff(PropertyMap olds, PropertyMap news, PropertyMap oldInputs) =>
        Sender.Diff(new DiffCall("", olds, news, oldInputs, null));

    [Benchmark(Baseline = true, Description = "Diff: no changes")]
    public object NoChanges() => Diff(SenderFixtures.Outputs, SenderFixtures.Inputs, SenderFixtures.Inputs);

    [Benchmark(Description = "Diff: update (name)")]
    public object Update() => Diff(SenderFixtures.Outputs, Renamed, SenderFixtures.Inputs);

    [Benchmark(Description = "Diff: replace (plusFriendId)")]
    public object Replace() => Diff(SenderFixtures.Outputs, Moved, SenderFixtures.Inputs);
}


/// <summary>Diagnostics that go nowhere: a benchmark measures the Diff, not logging.</summary>
internal sealed class NoDiagnostics : IEngineDiagnostics
{
    public Task LogAsync(DiagnosticSeverity severity, string message, string? urn = null, bool ephemeral = false, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
