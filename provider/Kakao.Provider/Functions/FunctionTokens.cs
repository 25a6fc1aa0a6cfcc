namespace Kakao.Provider.Functions;

/// <summary>Tokens and property names of the package's functions.</summary>
internal static class FunctionTokens
{
    public const string GetSenderCategories = "kakao:index:getSenderCategories";
    public const string GetSender = "kakao:index:getSender";

    public const string Categories = "categories";
    public const string Triples = "triples";
    public const string Code = "code";
    public const string Name = "name";
    public const string Depth = "depth";
    public const string ParentCode = "parentCode";
    public const string Subcategories = "subcategories";
    public const string Path = "path";
}
