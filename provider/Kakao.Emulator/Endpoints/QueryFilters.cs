using Kakao.Emulator.Http;
using Microsoft.Extensions.Primitives;

namespace Kakao.Emulator.Endpoints;

/// <summary>Reads enum filters from the query: repeated (?f=A&amp;f=B), bracketed (f[]=A) or comma-separated.</summary>
internal static class QueryFilters
{
    public static IReadOnlyList<string> Parse(IQueryCollection query, string name, IReadOnlyList<string> allowed, string errorCode, string supportedCodes)
    {
        var values = new List<string>();
        foreach (var key in new[] { name, name + "[]" })
        {
            if (query.TryGetValue(key, out StringValues raw))
            {
                foreach (var item in raw)
                {
                    values.AddRange((item ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                }
            }
        }

        if (values.Any(v => !allowed.Contains(v)))
        {
            throw new ApiException(errorCode, new Dictionary<string, object> { ["supportedCodes"] = supportedCodes });
        }

        return values.Distinct(StringComparer.Ordinal).ToArray();
    }
}
