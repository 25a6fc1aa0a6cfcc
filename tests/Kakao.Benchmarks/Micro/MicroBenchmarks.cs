using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Google.Protobuf.WellKnownTypes;
using Kakao.Provider.Grpc;
using Kakao.Provider.Model;
using Kakao.Provider.Resources.Sender;
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

    [Benchmark(Baseline = true, Description = "Diff: no changes")]
    public object NoChanges() => SenderDiff.Diff(SenderFixtures.Outputs, SenderFixtures.Inputs, SenderFixtures.Inputs);

    [Benchmark(Description = "Diff: update (name)")]
    public object Update() => SenderDiff.Diff(SenderFixtures.Outputs, Renamed, SenderFixtures.Inputs);

    [Benchmark(Description = "Diff: replace (plusFriendId)")]
    public object Replace() => SenderDiff.Diff(SenderFixtures.Outputs, Moved, SenderFixtures.Inputs);
}

