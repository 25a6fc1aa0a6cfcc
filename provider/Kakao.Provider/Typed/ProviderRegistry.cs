using Kakao.Provider.Models;

namespace Kakao.Provider.Typed;

/// <summary>The package's resources and functions by token: what each request is dispatched to.</summary>
internal sealed class ProviderRegistry
{
    private readonly Dictionary<string, IResourceHandler> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IFunctionHandler> _functions = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> ResourceTokens => _resources.Keys;

    public IReadOnlyCollection<string> FunctionTokens => _functions.Keys;

    public ProviderRegistry Add<TInputs, TOutputs>(IResource<TInputs, TOutputs> resource)
        where TInputs : class, IPropertyRecord<TInputs>
        where TOutputs : class, IPropertyRecord<TOutputs>
    {
        _resources.Add(resource.Token, new ResourceHandler<TInputs, TOutputs>(resource));
        return this;
    }

    public ProviderRegistry Add<TArgs, TResult>(IFunction<TArgs, TResult> function)
        where TArgs : class, IPropertyRecord<TArgs>
        where TResult : class, IPropertyRecord<TResult>
    {
        _functions.Add(function.Token, new FunctionHandler<TArgs, TResult>(function));
        return this;
    }

    /// <summary>The resource of <paramref name="token"/>; an unknown token is bad input naming what there is.</summary>
    public IResourceHandler Resource(string token) => _resources.TryGetValue(token, out var handler)
        ? handler
        : throw new InvalidInputException($"Unknown resource type {token}; the kakao provider manages {List(_resources.Keys)}.");

    /// <summary>The function of <paramref name="token"/>; an unknown token is bad input naming what there is.</summary>
    public IFunctionHandler Function(string token) => _functions.TryGetValue(token, out var handler)
        ? handler
        : throw new InvalidInputException($"Unknown function {token}; the kakao provider offers {List(_functions.Keys)}.");

    private static string List(IEnumerable<string> tokens)
    {
        var all = tokens.ToList();
        return all.Count <= 1 ? string.Join("", all) : string.Join(", ", all.Take(all.Count - 1)) + " and " + all[^1];
    }
}
