using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Kakao.Examples.Tests.Checking;

/// <summary>
/// Checks a Pulumi project file (Pulumi.yaml, YAML runtime or not) or a stack config file against the package
/// schema: every token and property name of this package that the file uses must exist. Other packages are
/// not judged. Returns one human-readable problem per mistake, with its line.
/// </summary>
internal sealed partial class PulumiProgramChecker(PackageSchema schema)
{
    private static readonly HashSet<string> BuiltInResourceProperties = new(StringComparer.Ordinal) { "id", "urn" };

    public IReadOnlyList<string> Check(YamlMappingNode program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var run = new Run(schema);
        run.CheckConfig(program.Child("config"));
        // Names first, so that references resolve regardless of where they are declared.
        run.CollectResources(program.Child("resources"));
        run.CollectVariables(program.Child("variables"));
        run.CheckResources(program.Child("resources"));
        run.CheckExpressions(program.Child("variables"));
        run.CheckExpressions(program.Child("outputs"));
        return run.Problems;
    }

    // One pass over one file: what names the program declares, and what it got wrong.
    private sealed class Run(PackageSchema schema)
    {
        private readonly Dictionary<string, MemberShape> _resourceShapes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Token, MemberShape Shape)> _invokeVariables = new(StringComparer.Ordinal);
        private readonly List<(string Text, YamlNode Node)> _interpolations = [];

        public List<string> Problems { get; } = [];

        public void CheckConfig(YamlNode? config)
        {
            if (config is not YamlMappingNode mapping)
            {
                return;
            }

            var prefix = schema.Name + ":";
            foreach (var (keyNode, _) in mapping.Children)
            {
                var key = keyNode.KeyText();
                if (key.StartsWith(prefix, StringComparison.Ordinal) && !schema.ConfigVariables.Contains(key[prefix.Length..]))
                {
                    Problems.Add($"{keyNode.Where()}: config key '{key}' is not a config variable of the {schema.Name} package.");
                }
            }
        }

        public void CollectResources(YamlNode? resources)
        {
            foreach (var (name, body) in Resources(resources))
            {
                if (body.Scalar("type") is { } type && ResourceShape(type) is { } shape)
                {
                    _resourceShapes[name] = shape;
                }
            }
        }

        public void CollectVariables(YamlNode? variables)
        {
            if (variables is not YamlMappingNode mapping)
            {
                return;
            }

            foreach (var (keyNode, value) in mapping.Children)
            {
                if (value is YamlMappingNode { Children.Count: 1 } expression && InvokedFunction(expression) is { } invoke
                    && !invoke.HasReturn && schema.Functions.TryGetValue(invoke.Token, out var shape))
                {
                    _invokeVariables[keyNode.KeyText()] = (invoke.Token, shape);
                }
            }
        }

        public void CheckResources(YamlNode? resources)
        {
            if (resources is YamlMappingNode mapping)
            {
                foreach (var (keyNode, value) in mapping.Children.Where(child => child.Value is not YamlMappingNode))
                {
                    Problems.Add($"{keyNode.Where()}: resource '{keyNode.KeyText()}' must be a mapping.");
                }
            }

            foreach (var (name, body) in Resources(resources))
            {
                CheckResource(name, body);
            }
        }

        private static IEnumerable<(string Name, YamlMappingNode Body)> Resources(YamlNode? resources) =>
            resources is YamlMappingNode mapping
                ? mapping.Children
                    .Where(child => child.Value is YamlMappingNode)
                    .Select(child => (child.Key.KeyText(), (YamlMappingNode)child.Value))
                : [];

        public void CheckExpressions(YamlNode? node)
        {
            Walk(node);
            foreach (var (text, at) in _interpolations)
            {
                CheckInterpolation(text, at);
            }

            _interpolations.Clear();
        }

        private void CheckResource(string name, YamlMappingNode body)
        {
            var type = body.Scalar("type");
            if (type is null)
            {
                if (body.Child("type") is null && body.Child("get") is null)
                {
                    Problems.Add($"{body.Where()}: resource '{name}' has no 'type'.");
                }

                return;
            }

            var properties = body.Child("properties") as YamlMappingNode;
            if (string.Equals(type, schema.ProviderToken, StringComparison.Ordinal))
            {
                CheckNames(properties, schema.ProviderInputs, $"provider '{name}' ({type})", "input");
            }
            else if (IsOurs(type))
            {
                var token = NormalizeToken(type);
                if (!schema.Resources.TryGetValue(token, out var shape))
                {
                    Problems.Add($"{body.Child("type")!.Where()}: resource '{name}' has type '{type}', which the {schema.Name} schema does not define.");
                }
                else
                {
                    CheckNames(properties, shape.Inputs, $"resource '{name}' ({token})", "input property");
                }
            }

            CheckExpressions(body.Child("properties"));
            CheckExpressions(body.Child("options"));
            CheckExpressions(body.Child("get"));
        }

        private void CheckNames(YamlMappingNode? properties, IReadOnlySet<string> known, string owner, string what)
        {
            if (properties is null)
            {
                return;
            }

            foreach (var (keyNode, _) in properties.Children)
            {
                if (!known.Contains(keyNode.KeyText()))
                {
                    Problems.Add($"{keyNode.Where()}: {owner} has no {what} '{keyNode.KeyText()}'.");
                }
            }
        }

        private void Walk(YamlNode? node)
        {
            switch (node)
            {
                case YamlScalarNode { Value: { } text } scalar:
                    _interpolations.Add((text, scalar));
                    break;
                case YamlSequenceNode sequence:
                    foreach (var item in sequence.Children)
                    {
                        Walk(item);
                    }

                    break;
                case YamlMappingNode mapping:
                    if (InvokedFunction(mapping) is { } invoke)
                    {
                        CheckInvoke(invoke);
                    }

                    foreach (var (_, value) in mapping.Children)
                    {
                        Walk(value);
                    }

                    break;
            }
        }

        private void CheckInvoke(Invoke invoke)
        {
            if (invoke.Token.Length == 0)
            {
                Problems.Add($"{invoke.At.Where()}: fn::invoke has no 'function'.");
                return;
            }

            if (!IsOurs(invoke.Token))
            {
                return;
            }

            if (!schema.Functions.TryGetValue(invoke.Token, out var shape))
            {
                Problems.Add($"{invoke.At.Where()}: fn::invoke calls '{invoke.Token}', which the {schema.Name} schema does not define.");
                return;
            }

            CheckNames(invoke.Arguments, shape.Inputs, $"function '{invoke.Token}'", "argument");
            if (invoke.Return is { } returned && !shape.Outputs.Contains(returned))
            {
                Problems.Add($"{invoke.At.Where()}: function '{invoke.Token}' has no output '{returned}' to return.");
            }
        }

        private void CheckInterpolation(string text, YamlNode at)
        {
            foreach (Match match in Interpolation().Matches(text))
            {
                var root = match.Groups["root"].Value;
                var property = match.Groups["property"].Value;
                if (property.Length == 0)
                {
                    continue;
                }

                if (_resourceShapes.TryGetValue(root, out var shape)
                    && !shape.Outputs.Contains(property) && !shape.Inputs.Contains(property)
                    && !BuiltInResourceProperties.Contains(property))
                {
                    Problems.Add($"{at.Where()}: '${{{match.Groups["expression"].Value}}}' reads '{property}', which resource '{root}' does not have.");
                }
                else if (_invokeVariables.TryGetValue(root, out var invoke) && !invoke.Shape.Outputs.Contains(property))
                {
                    Problems.Add($"{at.Where()}: '${{{match.Groups["expression"].Value}}}' reads '{property}', which function '{invoke.Token}' does not return.");
                }
            }
        }

        private MemberShape? ResourceShape(string type)
        {
            if (string.Equals(type, schema.ProviderToken, StringComparison.Ordinal))
            {
                return new MemberShape(schema.ProviderInputs, schema.ProviderInputs);
            }

            return IsOurs(type) && schema.Resources.TryGetValue(NormalizeToken(type), out var shape) ? shape : null;
        }

        private Invoke? InvokedFunction(YamlMappingNode mapping)
        {
            foreach (var (keyNode, value) in mapping.Children)
            {
                var key = keyNode.KeyText();
                if (string.Equals(key, "fn::invoke", StringComparison.OrdinalIgnoreCase) && value is YamlMappingNode call)
                {
                    // Long form: {function, arguments, options, return}; older programs capitalise the keys.
                    var function = call.Scalar("function") ?? call.Scalar("Function");
                    return new Invoke(
                        function is null ? "" : NormalizeToken(function),
                        (call.Child("arguments") ?? call.Child("Arguments")) as YamlMappingNode,
                        call.Scalar("return") ?? call.Scalar("Return"),
                        call);
                }

                // Sugar: `fn::kakao:index:getSender: {arguments}`.
                if (key.StartsWith("fn::", StringComparison.OrdinalIgnoreCase) && IsOurs(key[4..]))
                {
                    return new Invoke(NormalizeToken(key[4..]), value as YamlMappingNode, null, keyNode);
                }
            }

            return null;
        }

        private bool IsOurs(string token) => token.StartsWith(schema.Name + ":", StringComparison.Ordinal);

        // `kakao:KakaoSender` is short for `kakao:index:KakaoSender`; the module may also carry a file part.
        private static string NormalizeToken(string token)
        {
            var parts = token.Split(':');
            return parts.Length switch
            {
                2 => $"{parts[0]}:index:{parts[1]}",
                3 when parts[1].Contains('/', StringComparison.Ordinal) => $"{parts[0]}:{parts[1][..parts[1].IndexOf('/', StringComparison.Ordinal)]}:{parts[2]}",
                _ => token,
            };
        }
    }

    private sealed record Invoke(string Token, YamlMappingNode? Arguments, string? Return, YamlNode At)
    {
        public bool HasReturn => Return is not null;
    }

    // ${root.property...}, not the $${...} escape.
    [GeneratedRegex(@"(?<!\$)\$\{(?<expression>(?<root>[^.\[\}]+)(?:\.(?<property>[A-Za-z_][A-Za-z0-9_]*))?[^}]*)\}")]
    private static partial Regex Interpolation();
}
