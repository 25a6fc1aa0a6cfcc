using Kakao.Provider.Configuration;
using Kakao.Provider.Functions;
using Kakao.Provider.Models;
using Kakao.Provider.Resources.Sender;
using Kakao.Provider.Typed;

namespace Kakao.Provider.Tests.TestSupport;

/// <summary>Wire names and facts of the sender, read from the generated specs (one source: the records).</summary>
internal static class SenderProperties
{
    public const string Token = SenderResource.TypeToken;
    public const string PlusFriendId = SenderOutputs.WireNames.PlusFriendId;
    public const string ProjectId = SenderOutputs.WireNames.ProjectId;
    public const string AdminPhoneNo = SenderOutputs.WireNames.AdminPhoneNo;
    public const string Name = SenderOutputs.WireNames.Name;
    public const string TopLevelCategoryCode = SenderOutputs.WireNames.TopLevelCategoryCode;
    public const string MidLevelCategoryCode = SenderOutputs.WireNames.MidLevelCategoryCode;
    public const string SubLevelCategoryCode = SenderOutputs.WireNames.SubLevelCategoryCode;
    public const string LogoImage = SenderOutputs.WireNames.LogoImage;
    public const string Submit = SenderOutputs.WireNames.Submit;
    public const string SenderId = SenderOutputs.WireNames.SenderId;
    public const string Status = SenderOutputs.WireNames.Status;
    public const string State = SenderOutputs.WireNames.State;
    public const string ChangesStatus = SenderOutputs.WireNames.ChangesStatus;
    public const string RejectionComment = SenderOutputs.WireNames.RejectionComment;
    public const string Created = SenderOutputs.WireNames.Created;
    public const string Modified = SenderOutputs.WireNames.Modified;

    public static IReadOnlyList<string> Inputs => SenderInputs.Spec.Names;

    public static IReadOnlyList<string> ComputedOutputs => [.. SenderOutputs.Spec.Names.Where(n => !SenderInputs.Spec.Contains(n))];

    public static IReadOnlySet<string> ReplaceOnChanges => SenderInputs.Spec.Properties.Where(p => p.ReplaceOnChanges).Select(p => p.Name).ToHashSet();

    public static IReadOnlySet<string> AlwaysSecret => SenderInputs.Spec.Properties.Where(p => p.Secret).Select(p => p.Name).ToHashSet();

    public static IReadOnlyList<string> Required => [.. SenderInputs.Spec.Properties.Where(p => p.Required).Select(p => p.Name)];
}

/// <summary>Property names of the functions' results.</summary>
internal static class FunctionTokens
{
    public const string GetSenderCategories = GetSenderCategoriesFunction.TypeToken;
    public const string GetSender = GetSenderFunction.TypeToken;
    public const string Categories = GetSenderCategoriesResult.WireNames.Categories;
    public const string Triples = GetSenderCategoriesResult.WireNames.Triples;
    public const string Code = SenderCategoryNode.WireNames.Code;
    public const string Name = SenderCategoryNode.WireNames.Name;
    public const string Depth = SenderCategoryNode.WireNames.Depth;
    public const string ParentCode = SenderCategoryNode.WireNames.ParentCode;
    public const string Subcategories = SenderCategoryNode.WireNames.Subcategories;
    public const string Path = SenderCategoryTriple.WireNames.Path;
}

/// <summary>
/// The sender as the registry runs it (property maps in and out, through the typed layer), with the call
/// shapes the resource tests use.
/// </summary>
internal sealed class SenderHandler(ProvisioningClientProvider clients, IEngineDiagnostics diagnostics)
{
    private readonly ResourceHandler<SenderInputs, SenderOutputs> _handler = new(new SenderResource(clients, diagnostics));

    public CheckResult Check(PropertyMap news) => _handler.Check(news);

    public DiffResult Diff(PropertyMap olds, PropertyMap news, PropertyMap? oldInputs, IReadOnlyCollection<string>? ignoreChanges = null) =>
        _handler.Diff(new DiffCall("", olds, news, oldInputs, ignoreChanges));

    public Task<(string Id, PropertyMap Outputs)> CreateAsync(PropertyMap inputs, bool preview, string? urn, CancellationToken cancellationToken) =>
        _handler.CreateAsync(new CreateCall(inputs, preview, urn), cancellationToken);

    public Task<(PropertyMap Outputs, PropertyMap Inputs)?> ReadAsync(string id, PropertyMap olds, PropertyMap oldInputs, string? urn, CancellationToken cancellationToken) =>
        _handler.ReadAsync(new ReadCall(id, olds, oldInputs, urn), cancellationToken);

    public Task<PropertyMap> UpdateAsync(string id, PropertyMap olds, PropertyMap news, bool preview, string? urn, CancellationToken cancellationToken) =>
        _handler.UpdateAsync(new UpdateCall(id, olds, news, preview, urn), cancellationToken);

    public Task DeleteAsync(string id, PropertyMap olds, PropertyMap oldInputs, CancellationToken cancellationToken) =>
        _handler.DeleteAsync(new DeleteCall(id, olds, oldInputs), cancellationToken);
}

/// <summary>The default Check of the sender (no network).</summary>
internal static class SenderCheck
{
    public static CheckResult Check(PropertyMap news) => Unconfigured().Check(news);

    public static string WithoutSecret(string reason, string value) => InputCheck.WithoutSecret(reason, value);

    internal static SenderHandler Unconfigured() => new(ProvisioningClientProvider.Default(), new RecordingDiagnostics());
}

/// <summary>The sender's Diff, with the provider's project as <paramref name="defaultProjectId"/> when given.</summary>
internal static class SenderDiff
{
    public static DiffResult Diff(PropertyMap olds, PropertyMap news, PropertyMap? oldInputs, IReadOnlyCollection<string>? ignoreChanges = null, string? defaultProjectId = null)
    {
        var clients = ProvisioningClientProvider.Default();
        if (defaultProjectId is not null)
        {
            clients.Configure(new ProviderConfiguration { ProjectId = defaultProjectId, KeyId = "key", KeySecret = "secret" });
        }

        return new SenderHandler(clients, new RecordingDiagnostics()).Diff(olds, news, oldInputs, ignoreChanges);
    }
}

/// <summary>A function run as the registry runs it.</summary>
internal static class Functions
{
    public static Task<(PropertyMap? Result, IReadOnlyList<CheckFailure> Failures)> InvokeAsync<TArgs, TResult>(IFunction<TArgs, TResult> function, PropertyMap args, bool preview = false)
        where TArgs : class, IPropertyRecord<TArgs>
        where TResult : class, IPropertyRecord<TResult> =>
        new FunctionHandler<TArgs, TResult>(function).InvokeAsync(args, preview, CancellationToken.None);
}
