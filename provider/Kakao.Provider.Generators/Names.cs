namespace Kakao.Provider.Generators;

/// <summary>Metadata names of the typed layer's attributes and interfaces (declared in Kakao.Provider.Typed).</summary>
internal static class Names
{
    public const string Namespace = "Kakao.Provider.Typed";
    public const string Resource = Namespace + ".ResourceAttribute";
    public const string Function = Namespace + ".FunctionAttribute";
    public const string Package = Namespace + ".PackageAttribute";
    public const string ObjectType = Namespace + ".ObjectTypeAttribute";
    public const string EnumType = Namespace + ".EnumTypeAttribute";
    public const string EnumValue = Namespace + ".EnumValueAttribute";
    public const string Property = Namespace + ".PropertyAttribute";
    public const string ResourceInterface = "IResource";
    public const string FunctionInterface = "IFunction";
}
