using Kakao.EngineHarness.Values;
using Kakao.Reliability.Tests.Support;

namespace Kakao.Reliability.Tests.MalformedInput;

/// <summary>
/// Seeded generator of malformed provider inputs: a valid declaration with one property replaced by a wrong
/// type, a null, an empty, huge or control-character string, deep nesting, an unknown or a secret in an odd
/// place, or an unexpected key. Same seed, same sequence.
/// </summary>
internal sealed class MalformedInputGenerator(int seed)
{
    public const string EngineUnknownSentinel = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private static readonly string[] SenderStrings = ["plusFriendId", "adminPhoneNo", "name", "topLevelCategoryCode", "midLevelCategoryCode", "subLevelCategoryCode"];
    private static readonly string[] SenderOptional = ["logoImage", "projectId"];

    private readonly Random _random = new(seed);

    public static PropertyMap ValidSender => ReliabilityWorld.SenderInputs("@malformed");

    /// <summary>A sender declaration with one defect.</summary>
    public MalformedCase NextSender()
    {
        var valid = ValidSender;
        int pick = _random.Next(100);
        if (pick < 8)
        {
            var key = UnexpectedKey();
            return new($"unexpected key '{Shorten(key)}'", valid.With(key, WrongValue(out _)), key, MustReject: true);
        }

        if (pick < 14)
        {
            var key = Pick(SenderStrings);
            return new($"{key} missing", valid.Without(key), key, MustReject: true);
        }

        if (pick < 20)
        {
            return new("submit not a bool", valid.With("submit", Pick<PropertyValue>(["yes", 2, PropertyValue.Array(true), NestedObject(3)])), "submit", MustReject: true);
        }

        if (pick < 28)
        {
            var key = Pick(SenderOptional);
            var (value, description, reject) = OptionalOddValue(key);
            return new($"{key} {description}", valid.With(key, value), key, reject);
        }

        var target = Pick(SenderStrings);
        var (bad, what, mustReject) = BadString(target);
        return new($"{target} {what}", valid.With(target, target == "adminPhoneNo" && _random.Next(2) == 0 ? PropertyValue.Secret(bad) : bad), target, mustReject);
    }

    /// <summary>Arguments of getSender with one defect.</summary>
    public MalformedCase NextInvokeArgs()
    {
        var valid = new PropertyMap { ["plusFriendId"] = "@malformed" };
        return _random.Next(4) switch
        {
            0 => new("getSender without plusFriendId", PropertyMap.Empty, "plusFriendId", true),
            1 => WrongProjectId(valid),
            2 => UnexpectedInvokeKey(valid),
            _ => BadInvokeId(valid),
        };
    }

    /// <summary>A provider configuration with one defect (the rest valid).</summary>
    public MalformedCase NextConfig(PropertyMap valid)
    {
        switch (_random.Next(9))
        {
            case 0:
                var wrong = Describe(out _);
                return new("maxRetries bad", valid.With("maxRetries", Pick<PropertyValue>([wrong, -1, 11, 2.5, "many", 1e300])), "maxRetries", true);
            case 1:
                return new("requestTimeout bad", valid.With("requestTimeout", Pick<PropertyValue>([0, -5, 1e9, "soon", PropertyValue.Array(1), true])), "requestTimeout", true);
            case 2:
                return new("endpoint bad", valid.With("endpoint", Pick<PropertyValue>(["http://provisioning.example.com", "ftp://127.0.0.1", "not a url", "https://x.example/?q=1", "http://10.0.0.1:8080", "//127.0.0.1"])), "endpoint", true);
            case 3:
                return new("authEndpoint bad", valid.With("authEndpoint", Pick<PropertyValue>(["http://auth.example.com", "mailto:a@b", "https://a.example/#x"])), "authEndpoint", true);
            case 4:
                return new("authMode bad", valid.With("authMode", Pick<PropertyValue>(["kerberos", "", "BASIC2", Huge(), "oauth3"])), "authMode", true);
            case 5:
                var key = Pick(new[] { "projectId", "keyId" });
                return new($"{key} empty", valid.With(key, Pick<PropertyValue>(["", "   ", "\t"])), key, true);
            case 6:
                var missing = Pick(new[] { "projectId", "keyId", "keySecret" });
                return new($"{missing} missing", valid.Without(missing), missing, true);
            case 7:
                var odd = Pick(new[] { "projectId", "keyId", "keySecret", "endpoint" });
                var value = Describe(out var what);
                return new($"{odd} {what}", valid.With(odd, value), odd, value.Kind is PropertyValueKind.Array or PropertyValueKind.Object);
            default:
                var unknownKey = UnexpectedKey();
                return new($"unexpected config key '{Shorten(unknownKey)}'", valid.With(unknownKey, WrongValue(out _)), unknownKey, false);
        }
    }

    /// <summary>An odd resource id for Read: empty, blank, huge, path tricks, control characters.</summary>
    public string NextId() => Pick(
    [
        string.Empty, "   ", Huge(), "../../etc/passwd", "@a/../../b", "@x?y=1#z", "@tab\there", "@nul\0byte", "\u202e@rtl", "@" + new string('가', 40),
        EngineUnknownSentinel, "%2e%2e%2f", "@sinch demo",
    ]);

    private (PropertyValue Value, string Description, bool MustReject) BadString(string key) => _random.Next(12) switch
    {
        0 => (42, "number", true),
        1 => (PropertyValue.Bool(_random.Next(2) == 0), "bool", true),
        2 => (PropertyValue.Array("a", 1), "array", true),
        3 => (NestedObject(_random.Next(1, 28)), "deeply nested object", true),
        4 => (PropertyValue.Null, "null", true),
        5 => (Huge(), "huge string", true),
        6 => (Pick<PropertyValue>(["", " ", "\t\n"]), "empty or blank", true),
        7 => (PropertyValue.Secret(PropertyValue.Number(double.NaN)), "secret NaN", true),
        8 => (PropertyValue.Array(PropertyValue.Unknown(), PropertyValue.Secret("x")), "array of unknown and secret", true),
        9 => (PropertyValue.Unknown(), "unknown", false),
        // On the wire this text *is* the engine's encoding of an unknown value, so it must be treated as one.
        10 => (EngineUnknownSentinel, "engine unknown sentinel as text", false),
        _ => (Pick<PropertyValue>(["\0", "\u0001\u0002", "line\nbreak", "\u007f", "@demo\u0000x"]), "control characters", key is not "name"),
    };

    private (PropertyValue Value, string Description, bool MustReject) OptionalOddValue(string key) => _random.Next(6) switch
    {
        0 => (PropertyValue.Null, "null", false),
        1 => (12, "number", true),
        2 => (NestedObject(_random.Next(1, 20)), "nested object", true),
        3 => (Huge(), "huge string", true),
        4 => (key == "logoImage" ? Pick<PropertyValue>(["ftp://x", "not a url", "javascript:alert(1)"]) : PropertyValue.Array(), key == "logoImage" ? "not an http(s) url" : "empty array", true),
        _ => (PropertyValue.Unknown(), "unknown", false),
    };

    private MalformedCase WrongProjectId(PropertyMap valid)
    {
        var value = Describe(out var what);
        return new("getSender projectId " + what, valid.With("projectId", value), "projectId", what != "secret sentinel" && what != "huge string");
    }

    private MalformedCase UnexpectedInvokeKey(PropertyMap valid)
    {
        var key = UnexpectedKey();
        return new($"getSender unexpected key '{Shorten(key)}'", valid.With(key, 1), key, false);
    }

    private MalformedCase BadInvokeId(PropertyMap valid)
    {
        var (value, description, reject) = BadString("plusFriendId");
        return new($"getSender plusFriendId {description}", valid.With("plusFriendId", value), "plusFriendId", reject || value.IsUnknown);
    }

    private string UnexpectedKey() => Pick(["__proto__", "constructor", "plusfriendid", "PlusFriendId", "keySecret", "id", "urn", "a.b", "x[0]", "emoji😀", new string('k', 5000), "__defaults", "__meta", "status"]);

    private PropertyValue WrongValue(out string description) => Describe(out description);

    private PropertyValue Describe(out string description)
    {
        switch (_random.Next(6))
        {
            case 0: description = "number"; return 3.5;
            case 1: description = "bool"; return true;
            case 2: description = "array"; return PropertyValue.Array(1, "two");
            case 3: description = "object"; return NestedObject(2);
            case 4: description = "secret sentinel"; return PropertyValue.Secret(Sentinels.KeySecret);
            default: description = "huge string"; return Huge();
        }
    }

    private static PropertyValue NestedObject(int depth)
    {
        PropertyValue value = "leaf";
        for (int i = 0; i < depth; i++)
        {
            value = new PropertyMap { ["n"] = value };
        }

        return value;
    }

    private string Huge() => new((char)('a' + _random.Next(26)), 100_000);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
