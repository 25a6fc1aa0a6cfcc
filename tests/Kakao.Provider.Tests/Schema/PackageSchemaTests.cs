using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kakao.Provider.Configuration;
using Kakao.Provider.Dispatch;
using Kakao.Provider.Functions;
using Kakao.Provider.Models;
using Kakao.Provider.Resources.Sender;
using Kakao.Provider.Schema;
using Kakao.Provider.Tests.TestSupport;

namespace Kakao.Provider.Tests.Schema;

/// <summary>
/// The schema against the rules of Pulumi's package metaschema (pkg/codegen/schema/pulumi.json), written as our
/// own checks, plus consistency with the code.
/// </summary>
public partial class PackageSchemaTests
{
    private static readonly string[] TopLevelKeys =
    [
        "name", "displayName", "version", "description", "keywords", "homepage", "license", "attribution", "repository",
        "logoUrl", "pluginDownloadURL", "configurationDocsUrl", "validateCredentialsOnNew", "publisher", "namespace", "meta",
        "config", "types", "dependencies", "provider", "resources", "functions", "language", "parameterization", "allowedPackageNames",
    ];

    // Keys pulumi-dotnet's code generator reads from language.csharp (CSharpPackageInfo).
    private static readonly string[] CSharpKeys =
    [
        "packageReferences", "namespaces", "compatibility", "dictionaryConstructors", "projectReferences",
        "liftSingleValueMethodReturns", "rootNamespace", "respectSchemaVersion",
    ];

    private static readonly string[] PrimitiveTypes = ["boolean", "integer", "number", "string"];

    private static JsonObject Schema() => JsonNode.Parse(KakaoProvider.GetSchema())!.AsObject();

    private static IEnumerable<(string Path, JsonObject Spec)> AllProperties(JsonObject schema)
    {
        static IEnumerable<(string, JsonObject)> From(string path, JsonNode? properties) =>
            properties is JsonObject map ? map.Select(kv => ($"{path}.{kv.Key}", kv.Value!.AsObject())) : [];

        foreach (var p in From("config.variables", schema["config"]?["variables"])) yield return p;
        foreach (var p in From("provider.inputProperties", schema["provider"]?["inputProperties"])) yield return p;
        foreach (var p in From("provider.properties", schema["provider"]?["properties"])) yield return p;
        foreach (var (token, resource) in schema["resources"]!.AsObject())
        {
            foreach (var p in From($"{token}.inputProperties", resource!["inputProperties"])) yield return p;
            foreach (var p in From($"{token}.properties", resource["properties"])) yield return p;
        }

        foreach (var (token, type) in schema["types"]!.AsObject())
        {
            foreach (var p in From($"{token}.properties", type!["properties"])) yield return p;
        }

        foreach (var (token, function) in schema["functions"]!.AsObject())
        {
            foreach (var p in From($"{token}.inputs", function!["inputs"]?["properties"])) yield return p;
            foreach (var p in From($"{token}.outputs", function["outputs"]?["properties"])) yield return p;
        }
    }

    [Test]
    public void GetSchema_EqualsTheCheckedInFileStampedWithThisBuild()
    {
        var checkedIn = File.ReadAllText(FindRepositoryFile("provider/Kakao.Provider/schema.json"));

        Assert.Multiple(() =>
        {
            Assert.That(checkedIn, Is.EqualTo(KakaoPackage.SchemaJson), "the checked-in file is the generated schema: " + SchemaFileTests.RegenerateCommand);
            Assert.That(KakaoProvider.GetSchema(), Is.EqualTo(PackageSchema.Stamp(checkedIn, KakaoProvider.Version, PackageSchema.DownloadUrl)));
        });
    }

    [Test]
    public void CheckedInSchema_HasNoVersionAndTheReleaseDownloadUrl()
    {
        // The version is the build's (stamped by GetSchema): a fixed one in the file would pin SDKs to a plugin
        // version that other builds do not have.
        var checkedIn = JsonNode.Parse(File.ReadAllText(FindRepositoryFile("provider/Kakao.Provider/schema.json")))!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(checkedIn.ContainsKey("version"), Is.False);
            Assert.That(checkedIn["pluginDownloadURL"]!.GetValue<string>(), Is.EqualTo(PackageSchema.CheckedInDownloadUrl));
        });
    }

    [TestCase("1.2.3", "github://api.github.com/someone/fork")]
    [TestCase("2.0.0-beta.1", "github://api.github.com/kakaopulumi/kakaopulumi")]
    public void Stamp_VersionAndDownloadUrl_AppearInTheSchema(string version, string url)
    {
        var checkedIn = KakaoPackage.SchemaJson;

        var stamped = JsonNode.Parse(PackageSchema.Stamp(checkedIn, version, url))!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(stamped["version"]!.GetValue<string>(), Is.EqualTo(version));
            Assert.That(stamped["pluginDownloadURL"]!.GetValue<string>(), Is.EqualTo(url));
            Assert.That(stamped.Count, Is.EqualTo(JsonNode.Parse(checkedIn)!.AsObject().Count + 1));
        });
    }

    [Test]
    public void Schema_TopLevel_FollowsTheMetaschema()
    {
        var schema = Schema();

        Assert.Multiple(() =>
        {
            Assert.That(schema.Select(kv => kv.Key), Is.SubsetOf(TopLevelKeys));
            Assert.That(schema["name"]!.GetValue<string>(), Is.EqualTo("kakao").And.Match("^[a-zA-Z][-a-zA-Z0-9_]*$"));
            Assert.That(schema["version"]!.GetValue<string>(), Does.Match(@"^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$"));
            Assert.That(schema["version"]!.GetValue<string>(), Is.EqualTo(KakaoProvider.Version));
            // config.defaults is read by the tools as the list of *required* keys: none of ours is required there
            // (each has an environment fallback), so it must be absent.
            Assert.That(schema["config"]!.AsObject().Select(kv => kv.Key), Is.EqualTo(new[] { "variables" }));
            Assert.That(schema["pluginDownloadURL"]!.GetValue<string>(), Does.StartWith("github://api.github.com/"));
        });
    }

    [Test]
    public void Schema_Tokens_HavePackageModuleNameForm()
    {
        var schema = Schema();
        var tokens = new[] { "resources", "functions", "types" }.SelectMany(section => schema[section]!.AsObject().Select(kv => kv.Key)).ToList();

        Assert.Multiple(() =>
        {
            // 3 resources, 4 functions, 9 types (the sender categories, the webhook trigger enum; the template button, its three enums and the template categories).
            Assert.That(tokens, Has.Count.EqualTo(16));
            foreach (var token in tokens)
            {
                Assert.That(token, Does.Match(TokenPattern()), token);
                Assert.That(token, Does.StartWith("kakao:index:"), token);
            }
        });
    }

    [Test]
    public void Schema_EveryProperty_HasAValidTypeShape()
    {
        var schema = Schema();
        Assert.Multiple(() =>
        {
            foreach (var (path, spec) in AllProperties(schema))
            {
                AssertTypeShape(schema, path, spec);
            }
        });
    }

    [Test]
    public void Schema_EveryProperty_HasMarkdownDescriptionWithExample()
    {
        Assert.Multiple(() =>
        {
            foreach (var (path, spec) in AllProperties(Schema()))
            {
                Assert.That(spec["description"]?.GetValue<string>(), Is.Not.Null.And.Contain("Example"), path);
            }
        });
    }

    [Test]
    public void Schema_SecretAndReplaceFlags_AreBooleansWhereTheCodeSaysSo()
    {
        var schema = Schema();
        var inputs = schema["resources"]![SenderProperties.Token]!["inputProperties"]!.AsObject();

        Assert.Multiple(() =>
        {
            foreach (var (path, spec) in AllProperties(schema))
            {
                foreach (var flag in new[] { "secret", "replaceOnChanges", "plain", "willReplaceOnChanges" })
                {
                    if (spec[flag] is { } value)
                    {
                        Assert.That(value.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.True).Or.EqualTo(System.Text.Json.JsonValueKind.False), $"{path}.{flag}");
                    }
                }
            }

            Assert.That(inputs.Where(kv => kv.Value!["secret"]?.GetValue<bool>() == true).Select(kv => kv.Key), Is.EquivalentTo(SenderProperties.AlwaysSecret));
            Assert.That(inputs.Where(kv => kv.Value!["replaceOnChanges"]?.GetValue<bool>() == true).Select(kv => kv.Key), Is.EquivalentTo(SenderProperties.ReplaceOnChanges));
            Assert.That(schema["config"]!["variables"]![ConfigKeys.KeySecret]!["secret"]!.GetValue<bool>(), Is.True);
            Assert.That(schema["provider"]!["inputProperties"]![ConfigKeys.KeySecret]!["secret"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public void Schema_Sender_MatchesTheCode()
    {
        var sender = Schema()["resources"]![SenderProperties.Token]!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(sender["inputProperties"]!.AsObject().Select(kv => kv.Key), Is.EqualTo(SenderProperties.Inputs));
            Assert.That(sender["properties"]!.AsObject().Select(kv => kv.Key), Is.EquivalentTo(SenderProperties.Inputs.Concat(SenderProperties.ComputedOutputs)));
            Assert.That(Strings(sender["requiredInputs"]), Is.EquivalentTo(SenderProperties.Required));
            Assert.That(sender["properties"]![SenderProperties.AdminPhoneNo]!["secret"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public void Schema_RequiredLists_NameDeclaredProperties()
    {
        var schema = Schema();
        var checks = new List<(string Path, JsonNode? Required, JsonNode? Properties)>();
        foreach (var (token, resource) in schema["resources"]!.AsObject())
        {
            checks.Add(($"{token}.requiredInputs", resource!["requiredInputs"], resource["inputProperties"]));
            checks.Add(($"{token}.required", resource["required"], resource["properties"]));
        }

        foreach (var (token, type) in schema["types"]!.AsObject())
        {
            checks.Add(($"{token}.required", type!["required"], type["properties"]));
        }

        foreach (var (token, function) in schema["functions"]!.AsObject())
        {
            checks.Add(($"{token}.inputs.required", function!["inputs"]?["required"], function["inputs"]?["properties"]));
            checks.Add(($"{token}.outputs.required", function["outputs"]?["required"], function["outputs"]?["properties"]));
        }

        Assert.Multiple(() =>
        {
            foreach (var (path, required, properties) in checks)
            {
                Assert.That(Strings(required), Is.SubsetOf(properties?.AsObject().Select(kv => kv.Key) ?? []), path);
            }
        });
    }

    [Test]
    public void Schema_ConfigAndFunctions_MatchTheCode()
    {
        var schema = Schema();
        string[] keys = [ConfigKeys.ProjectId, ConfigKeys.KeyId, ConfigKeys.KeySecret, ConfigKeys.Endpoint, ConfigKeys.AuthEndpoint, ConfigKeys.AuthMode, ConfigKeys.MaxRetries, ConfigKeys.RequestTimeout];

        Assert.Multiple(() =>
        {
            Assert.That(schema["config"]!["variables"]!.AsObject().Select(kv => kv.Key), Is.EquivalentTo(keys));
            Assert.That(schema["provider"]!["inputProperties"]!.AsObject().Select(kv => kv.Key), Is.EquivalentTo(keys));
            Assert.That(Strings(schema["config"]!["variables"]![ConfigKeys.ProjectId]!["defaultInfo"]!["environment"]), Is.EqualTo(new[] { ConfigKeys.ProjectIdEnv }));
            Assert.That(schema["functions"]!.AsObject().Select(kv => kv.Key), Is.EquivalentTo(new[] { FunctionTokens.GetSenderCategories, FunctionTokens.GetSender, "kakao:index:getTemplateCategories", "kakao:index:getTemplate" }));
        });
    }

    [Test]
    public void Schema_CSharpLanguageSection_UsesOnlyKeysTheGeneratorReads()
    {
        var csharp = Schema()["language"]!["csharp"]!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(csharp.Select(kv => kv.Key), Is.SubsetOf(CSharpKeys));
            Assert.That(csharp["namespaces"]!["kakao"]!.GetValue<string>(), Is.EqualTo("Kakao"));
            Assert.That(csharp["packageReferences"]!["Pulumi"], Is.Not.Null);
            Assert.That(csharp["respectSchemaVersion"]!.GetValue<bool>(), Is.True);
        });
    }

    private static void AssertTypeShape(JsonObject schema, string path, JsonObject spec)
    {
        if (spec["$ref"] is { } reference)
        {
            var target = reference.GetValue<string>();
            Assert.That(target, Does.StartWith("#/types/"), path);
            Assert.That(schema["types"]![target["#/types/".Length..]], Is.Not.Null, $"{path} refers to a missing type {target}");
            Assert.That(spec["items"], Is.Null, path);
            return;
        }

        var type = spec["type"]?.GetValue<string>();
        switch (type)
        {
            case "array":
                Assert.That(spec["items"], Is.Not.Null, $"{path}: an array needs items");
                AssertTypeShape(schema, path + "[]", spec["items"]!.AsObject());
                break;
            case "object":
                Assert.That(spec["items"], Is.Null, path);
                if (spec["additionalProperties"] is JsonObject element)
                {
                    AssertTypeShape(schema, path + "{}", element);
                }

                break;
            default:
                Assert.That(type, Is.AnyOf(PrimitiveTypes), $"{path}: type");
                Assert.That(spec["items"] ?? spec["additionalProperties"] ?? spec["oneOf"], Is.Null, $"{path}: a primitive has only a type");
                if (spec["default"] is { } defaultValue)
                {
                    var kind = defaultValue.GetValueKind();
                    Assert.That(kind, Is.Not.EqualTo(System.Text.Json.JsonValueKind.Object).And.Not.EqualTo(System.Text.Json.JsonValueKind.Array), $"{path}: default");
                }

                break;
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node is JsonArray array ? array.Select(n => n!.GetValue<string>()) : [];

    private static string FindRepositoryFile(string relative)
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(relative);
    }

    [GeneratedRegex(@"^[a-zA-Z][-a-zA-Z0-9_]*:([^0-9][a-zA-Z0-9._/-]*)?:[^0-9][a-zA-Z0-9._/-]*$")]
    private static partial Regex TokenPattern();
}
