using Kakao.Provider.Models;
using Kakao.Provisioning;

namespace Kakao.Provider.Resources.Template;

/// <summary>The id of a template resource: <c>{plusFriendId}/{code}</c> (what <c>pulumi import</c> takes).</summary>
internal static class TemplateId
{
    public static string Format(string plusFriendId, string code) => $"{plusFriendId}/{code}";

    /// <summary>The two parts; the code may be empty for a template whose create outcome is not known yet.</summary>
    public static (string PlusFriendId, string Code) Parse(string id)
    {
        var slash = id?.LastIndexOf('/') ?? -1;
        if (slash <= 0)
        {
            throw new InvalidInputException($"A KakaoTalk template's id is \"{{plusFriendId}}/{{code}}\", e.g. \"@sinch-demo/S7yFqaKqJ8tsnBZH2CEd\"; got \"{id}\".");
        }

        var plusFriendId = id![..slash].Trim();
        var code = id[(slash + 1)..].Trim();
        if (PathSegment.Problem(plusFriendId) is { } problem)
        {
            throw new InvalidInputException($"The plusFriendId in the template id \"{id}\" {problem}.");
        }

        if (code.Length > 0 && PathSegment.Problem(code) is { } codeProblem)
        {
            throw new InvalidInputException($"The code in the template id \"{id}\" {codeProblem}.");
        }

        return (plusFriendId, code);
    }
}
