namespace Kakao.EngineHarness.Values;

/// <summary>The magic strings of the engine's value encoding (shared/protocol/README.md, "Values").</summary>
public static class WireSentinels
{
    /// <summary>The key that marks a Struct as a special object.</summary>
    public const string SignatureKey = "4dabf18193072939515e22adb298388d";

    /// <summary>Signature of a secret: <c>{sig, value}</c>.</summary>
    public const string SecretSignature = "1b47061264138c4ac30d75fd1eb44270";

    /// <summary>Signature of an output value: <c>{sig, value?, secret?, dependencies?}</c>.</summary>
    public const string OutputValueSignature = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

    /// <summary>Signature of a resource reference.</summary>
    public const string ResourceReferenceSignature = "5cf8f73096256a8f31e491e813e4eb8e";

    /// <summary>Signature of an asset.</summary>
    public const string AssetSignature = "c44067f5952c0a294b673a41bacd8c17";

    /// <summary>Signature of an archive.</summary>
    public const string ArchiveSignature = "0def7320c3a5731c473e5ecbe6d01bc7";

    /// <summary>The unknown-string sentinel.</summary>
    public const string UnknownString = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    /// <summary>The unknown-bool sentinel.</summary>
    public const string UnknownBool = "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7";

    /// <summary>The unknown-number sentinel.</summary>
    public const string UnknownNumber = "3eeb2bf0-c639-47a8-9e75-3b44932eb421";

    /// <summary>The unknown-array sentinel.</summary>
    public const string UnknownArray = "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2";

    /// <summary>The unknown-object sentinel.</summary>
    public const string UnknownObject = "dd056dcd-154b-4c76-9bd3-c8f88648b5ff";

    /// <summary>The unknown-asset sentinel.</summary>
    public const string UnknownAsset = "030794c1-ac77-496b-92df-f27374a8bd58";

    /// <summary>The unknown-archive sentinel.</summary>
    public const string UnknownArchive = "e48ece36-62e2-4504-bad9-02848725956a";

    /// <summary>The sentinel string that encodes an unknown of <paramref name="kind"/>.</summary>
    public static string ForUnknown(UnknownKind kind) => kind switch
    {
        UnknownKind.String => UnknownString,
        UnknownKind.Bool => UnknownBool,
        UnknownKind.Number => UnknownNumber,
        UnknownKind.Array => UnknownArray,
        UnknownKind.Object => UnknownObject,
        UnknownKind.Asset => UnknownAsset,
        UnknownKind.Archive => UnknownArchive,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an unknown kind."),
    };

    /// <summary>Recognises an unknown sentinel string.</summary>
    public static bool TryParseUnknown(string value, out UnknownKind kind)
    {
        (var found, kind) = value switch
        {
            UnknownString => (true, UnknownKind.String),
            UnknownBool => (true, UnknownKind.Bool),
            UnknownNumber => (true, UnknownKind.Number),
            UnknownArray => (true, UnknownKind.Array),
            UnknownObject => (true, UnknownKind.Object),
            UnknownAsset => (true, UnknownKind.Asset),
            UnknownArchive => (true, UnknownKind.Archive),
            _ => (false, default),
        };
        return found;
    }
}
