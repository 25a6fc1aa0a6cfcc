using System.Text.RegularExpressions;
using Kakao.EngineHarness.Values;

namespace Kakao.Reliability.Tests.Secrets;

/// <summary>Looks for plaintext sentinels in named texts and in stored outputs (outside secret wrappers).</summary>
internal sealed class SecretScanner(IReadOnlyList<string> sentinels)
{
    private readonly List<string> _hits = [];
    private readonly List<int> _codes = [];
    private int _scanned;

    public IReadOnlyList<string> Hits => _hits;

    public int Scanned => _scanned;

    /// <summary>A one-time code to look for as a whole number (it is only six digits).</summary>
    public void AddCode(int code) => _codes.Add(code);

    public void Scan(string source, string? text)
    {
        _scanned++;
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        foreach (var sentinel in sentinels.Where(s => text.Contains(s, StringComparison.Ordinal)))
        {
            _hits.Add($"{source}: {sentinel[..4]}… in \"{Excerpt(text, text.IndexOf(sentinel, StringComparison.Ordinal))}\"");
        }

        foreach (var code in _codes)
        {
            var match = Regex.Match(text, $@"(?<![\d.]){code:000000}(?![\d])", RegexOptions.CultureInvariant);
            if (match.Success)
            {
                _hits.Add($"{source}: OTP code in \"{Excerpt(text, match.Index)}\"");
            }
        }
    }

    /// <summary>Scans a stored property map: every plaintext string outside a secret wrapper.</summary>
    public void Scan(string source, PropertyMap map)
    {
        foreach (var (key, value) in map)
        {
            ScanValue($"{source}.{key}", value);
        }
    }

    private void ScanValue(string source, PropertyValue value)
    {
        switch (value.Kind)
        {
            case PropertyValueKind.Secret:
                _scanned++;
                return; // wrapped: that is how outputs must carry secrets
            case PropertyValueKind.String:
                Scan(source, value.StringValue);
                return;
            case PropertyValueKind.Array:
                foreach (var item in value.ArrayValue)
                {
                    ScanValue(source + "[]", item);
                }

                return;
            case PropertyValueKind.Object:
                Scan(source, value.ObjectValue);
                return;
        }
    }

    private static string Excerpt(string text, int index)
    {
        int start = Math.Max(0, index - 30);
        return text.Substring(start, Math.Min(text.Length - start, 80)).ReplaceLineEndings(" ");
    }
}
