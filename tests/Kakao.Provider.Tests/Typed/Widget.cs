using Kakao.Provider.Typed;
using PropertyAttribute = Kakao.Provider.Typed.PropertyAttribute;

namespace Kakao.Provider.Tests.Typed;

// A test-only resource with what the next resources need: a list of typed objects (KakaoTemplate's buttons), a
// list of enum strings (Webhook's triggers), a nested object, bounds, a secret and a default. The generator
// writes its codec and a schema (WidgetPackage.SchemaJson) exactly as for the shipped resources.

[Package("kakaotest", DisplayName = "Widgets", PluginDownloadUrl = "github://example")]
internal sealed partial record WidgetPackage;

[EnumType("kakaotest:index:WidgetEvent", Description = "What a widget reports.")]
internal enum WidgetEvent
{
    All,
    [EnumValue("WIDGET_CHANGED", Description = "The widget changed.")]
    Changed,
    ButtonPressed,
}

[ObjectType("kakaotest:index:WidgetButton", Description = "A button.")]
internal sealed partial record WidgetButton
{
    [Property("The label.", MaxLength = 14)]
    public required string Label { get; init; }

    [Property("Where it links to.")]
    public string? Url { get; init; }

    [Property("A nested style.")]
    public WidgetStyle? Style { get; init; }
}

[ObjectType("kakaotest:index:WidgetStyle", Description = "A style.")]
internal sealed partial record WidgetStyle
{
    [Property("Bold text.")]
    public bool Bold { get; init; }
}

internal partial record WidgetInputs
{
    [Property("The name.", Example = "\"w\"", ReplaceOnChanges = true, MinLength = 1, MaxLength = 8)]
    public required string Name { get; init; }

    [Property("A signing key.", Secret = true)]
    public string? Key { get; init; }

    [Property("The buttons.", MinItems = 1)]
    public required IReadOnlyList<WidgetButton> Buttons { get; init; }

    [Property("What to report.")]
    public IReadOnlyList<WidgetEvent>? Events { get; init; }

    [Property("How many.", Minimum = 1, Maximum = 5)]
    public int? Count { get; init; }

    [Property("Enabled.", Default = true)]
    public bool Enabled { get; init; } = true;
}

internal sealed partial record WidgetOutputs : WidgetInputs
{
    [Property("The id.", Stable = true)]
    public string? WidgetId { get; init; }

    [Property("Its state.")]
    public string? State { get; init; }
}

[Resource("kakaotest:index:Widget", Description = "A widget.")]
internal sealed partial class WidgetResource : IResource<WidgetInputs, WidgetOutputs>, IUpdate<WidgetInputs, WidgetOutputs>
{
    public List<WidgetInputs> Created { get; } = [];

    public Task<CreateResult<WidgetOutputs>> CreateAsync(CreateRequest<WidgetInputs> request, CancellationToken cancellationToken)
    {
        Created.Add(request.Inputs);
        return Task.FromResult(new CreateResult<WidgetOutputs>("w-1", Outputs(request.Inputs, "created")));
    }

    public Task<WidgetOutputs> UpdateAsync(UpdateRequest<WidgetInputs, WidgetOutputs> request, CancellationToken cancellationToken) =>
        Task.FromResult(Outputs(request.NewInputs, "updated") with { WidgetId = request.OldOutputs.WidgetId });

    private static WidgetOutputs Outputs(WidgetInputs inputs, string state) => new()
    {
        Name = inputs.Name,
        Key = inputs.Key,
        Buttons = inputs.Buttons,
        Events = inputs.Events,
        Count = inputs.Count,
        Enabled = inputs.Enabled,
        WidgetId = "w-1",
        State = state,
    };
}
