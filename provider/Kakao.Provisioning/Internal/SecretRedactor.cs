using System.Text;

namespace Kakao.Provisioning.Internal;

/// <summary>
/// Removes known secrets (key secret, Basic credential, bearer tokens) from text that came from the
/// network before it reaches an exception message or a log line: a misbehaving proxy may echo headers.
/// </summary>
internal sealed class SecretRedactor
{
    private const string Mask = "***";
    private const int RememberedTokens = 4;
    private readonly object _gate = new();
    private readonly List<string> _secrets = [];
    private readonly Queue<string> _tokens = new();

    public SecretRedactor(params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                _secrets.Add(secret);
            }
        }
    }

    /// <summary>Remembers a freshly issued bearer token (the last few are kept).</summary>
    public void AddToken(string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return;
        }

        lock (_gate)
        {
            _tokens.Enqueue(token);
            while (_tokens.Count > RememberedTokens)
            {
                _tokens.Dequeue();
            }
        }
    }

    /// <summary>The text with every known secret (and the given extra ones) replaced by <c>***</c>.</summary>
    public string Redact(string text, IEnumerable<string>? extraSecrets = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        List<string> all;
        lock (_gate)
        {
            all = [.. _secrets, .. _tokens];
        }

        if (extraSecrets is not null)
        {
            all.AddRange(extraSecrets.Where(s => !string.IsNullOrEmpty(s)));
        }

        // Longest first so a secret that contains another is masked whole.
        foreach (var secret in all.OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>A short, single-line, printable and redacted excerpt of a response body.</summary>
    public string Snippet(string body, int maxLength, IEnumerable<string>? extraSecrets = null)
    {
        var redacted = Redact(body, extraSecrets);
        var builder = new StringBuilder(Math.Min(redacted.Length, maxLength + 1));
        bool lastWasSpace = false;
        foreach (var c in redacted)
        {
            if (builder.Length >= maxLength)
            {
                return builder.ToString().TrimEnd() + "…";
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!lastWasSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            builder.Append(c);
            lastWasSpace = false;
        }

        return builder.ToString().TrimEnd();
    }
}
