using System.Reflection;
using System.Text.Json;
using Kakao.TestData;

namespace Kakao.Provisioning.Tests;

/// <summary>The error-code constants against the API's documented error tables (tests/TestData).</summary>
public class SinchErrorCodesTests
{
    private static IReadOnlySet<string> Constants() =>
        typeof(SinchErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> DocumentedCodes(string relativePath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(TestDataFiles.PathOf(relativePath)));
        return document.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Where(name => !name.StartsWith("x-", StringComparison.Ordinal)).ToList();
    }

    [Test]
    public void SinchErrorCodes_EveryDocumentedCode_HasAConstant()
    {
        var documented = DocumentedCodes("sinch/kakaotalk-openapi-facts.json").Concat(DocumentedCodes("sinch/webhook-schemas.json")).ToHashSet(StringComparer.Ordinal);

        Assert.That(documented.Except(Constants()), Is.Empty, "codes of the API without a constant");
    }

    [Test]
    public void SinchErrorCodes_EveryConstant_IsDocumented()
    {
        var documented = DocumentedCodes("sinch/kakaotalk-openapi-facts.json").Concat(DocumentedCodes("sinch/webhook-schemas.json")).ToHashSet(StringComparer.Ordinal);

        Assert.That(Constants().Except(documented), Is.Empty, "constants the API does not document");
    }
}
