using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Kakao.EngineHarness.Wire;

namespace Kakao.EngineHarness.Tests.Wire;

/// <summary>
/// Our protos live in package kakao.harness.wire, which the repository's wirecheck does not look at: this test
/// does its job for them, comparing every message, field and enum with the engine's wire facts.
/// </summary>
public class WireConformanceTests
{
    private const string OurPackage = ".kakao.harness.wire.";
    private const string EnginePackage = ".pulumirpc.";

    private static readonly FileDescriptorProto OurFile = ProviderWireReflection.Descriptor.ToProto();

    private static IEnumerable<TestCaseData> OurMessages() =>
        Flatten(OurFile.MessageType, OurPackage.TrimEnd('.'))
            .Select(pair => new TestCaseData(pair.FullName, pair.Message).SetArgDisplayNames(pair.FullName));

    private static IEnumerable<TestCaseData> OurEnums()
    {
        foreach (var enumType in OurFile.EnumType)
        {
            yield return new TestCaseData($"{OurPackage}{enumType.Name}", enumType).SetArgDisplayNames(enumType.Name);
        }

        foreach (var (fullName, message) in Flatten(OurFile.MessageType, OurPackage.TrimEnd('.')))
        {
            foreach (var enumType in message.EnumType)
            {
                yield return new TestCaseData($"{fullName}.{enumType.Name}", enumType).SetArgDisplayNames($"{fullName}.{enumType.Name}");
            }
        }
    }

    private static IEnumerable<TestCaseData> OurMethods() =>
        typeof(ProviderMethods).GetFields().Concat(typeof(EngineMethods).GetFields())
            .Where(field => field.FieldType.IsGenericType && field.FieldType.GetGenericTypeDefinition() == typeof(Method<,>))
            .Select(field => new TestCaseData(field.GetValue(null)).SetArgDisplayNames(field.Name));

    [Test]
    public void FactsFile_FromTestDirectory_IsFound()
    {
        Assert.That(File.Exists(WireFacts.FindFile()), Is.True);
    }

    [TestCaseSource(nameof(OurMessages))]
    public void Message_EveryField_MatchesEngineNumberTypeAndLabel(string fullName, DescriptorProto message)
    {
        var engineName = ToEngineName(fullName);
        Assert.That(WireFacts.Messages.TryGetProperty(engineName, out var fields), Is.True, $"{engineName} is not an engine message");
        Assert.That(message.Field, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var field in message.Field)
            {
                var where = $"{engineName} field {field.Name} = {field.Number}";
                if (!fields.TryGetProperty(field.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), out var fact))
                {
                    Assert.Fail($"{where}: the engine has no field with that number");
                    continue;
                }

                Assert.That(FieldType(field), Is.EqualTo(fact.GetProperty("type").GetString()), where + " type");
                Assert.That(FieldLabel(field), Is.EqualTo(fact.GetProperty("label").GetString()), where + " label");
                var factTypeName = fact.TryGetProperty("type_name", out var typeName) ? typeName.GetString() : null;
                var ourTypeName = string.IsNullOrEmpty(field.TypeName) ? null : ToEngineName(field.TypeName);
                Assert.That(ourTypeName, Is.EqualTo(factTypeName), where + " type name");
                var factOptional = fact.TryGetProperty("optional", out var optional) && optional.GetBoolean();
                Assert.That(field.Proto3Optional, Is.EqualTo(factOptional), where + " proto3 optional");
            }
        });
    }

    [TestCaseSource(nameof(OurEnums))]
    public void Enum_EveryValue_MatchesEngineNumberAndName(string fullName, EnumDescriptorProto enumType)
    {
        var engineName = ToEngineName(fullName);
        Assert.That(WireFacts.Enums.TryGetProperty(engineName, out var values), Is.True, $"{engineName} is not an engine enum");
        Assert.Multiple(() =>
        {
            foreach (var value in enumType.Value)
            {
                var key = value.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Assert.That(values.TryGetProperty(key, out var name) ? name.GetString() : null, Is.EqualTo(value.Name), $"{engineName} = {key}");
            }
        });
    }

    [TestCaseSource(nameof(OurMethods))]
    public void Method_Path_IsAnEngineMethodWithMatchingMessageTypes(IMethod method)
    {
        Assert.That(WireFacts.Methods.TryGetProperty(method.FullName, out var fact), Is.True, $"{method.FullName} is not an engine method");
        var arguments = method.GetType().GetGenericArguments();
        Assert.Multiple(() =>
        {
            Assert.That(MessageName(arguments[0]), Is.EqualTo(fact.GetProperty("input").GetString()), "input");
            Assert.That(MessageName(arguments[1]), Is.EqualTo(fact.GetProperty("output").GetString()), "output");
            Assert.That(fact.GetProperty("server_streaming").GetBoolean(), Is.False);
        });
    }

    private static string MessageName(System.Type type)
    {
        var descriptor = (MessageDescriptor)type.GetProperty("Descriptor")!.GetValue(null)!;
        return ToEngineName("." + descriptor.FullName);
    }

    private static string ToEngineName(string name) =>
        name.StartsWith(OurPackage, StringComparison.Ordinal) ? EnginePackage + name[OurPackage.Length..] : name;

    private static string FieldType(FieldDescriptorProto field) =>
        "TYPE_" + field.Type.ToString().ToUpperInvariant();

    private static string FieldLabel(FieldDescriptorProto field) =>
        "LABEL_" + field.Label.ToString().ToUpperInvariant();

    private static IEnumerable<(string FullName, DescriptorProto Message)> Flatten(IEnumerable<DescriptorProto> messages, string scope)
    {
        foreach (var message in messages)
        {
            var fullName = $".{scope.TrimStart('.')}.{message.Name}";
            yield return (fullName, message);
            foreach (var nested in Flatten(message.NestedType, fullName))
            {
                yield return nested;
            }
        }
    }
}
