using YamlDotNet.RepresentationModel;

namespace Kakao.Examples.Tests.Checking;

/// <summary>What a YAML file of the repository is, which decides how it is checked.</summary>
public enum YamlFileKind
{
    Other,
    PulumiProject,
    PulumiStackConfig,
    Workflow,
}

internal static class YamlFileKinds
{
    public static YamlFileKind Of(string relativePath, YamlNode? root)
    {
        var fileName = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        if (fileName is "Pulumi.yaml" or "Pulumi.yml")
        {
            return YamlFileKind.PulumiProject;
        }

        if (fileName.StartsWith("Pulumi.", StringComparison.Ordinal))
        {
            return YamlFileKind.PulumiStackConfig;
        }

        // Workflows live in .github/workflows, and example workflows elsewhere have the same shape.
        var looksLikeWorkflow = root is YamlMappingNode mapping && mapping.Child("jobs") is not null && mapping.Child("on") is not null;
        return relativePath.StartsWith(".github/workflows/", StringComparison.Ordinal) || looksLikeWorkflow
            ? YamlFileKind.Workflow
            : YamlFileKind.Other;
    }
}
