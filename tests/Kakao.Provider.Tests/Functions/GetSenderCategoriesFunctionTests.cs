using Kakao.Provider.Functions;
using Kakao.Provider.Models;
using Kakao.Provider.Resources.Sender;
using Kakao.Provider.Tests.TestSupport;
using Kakao.Provisioning.Models;
using Moq;

namespace Kakao.Provider.Tests.Functions;

public class GetSenderCategoriesFunctionTests
{
    private static IReadOnlyList<SenderCategory> Tree() =>
    [
        new SenderCategory
        {
            Code = "019", Name = "Shopping", Depth = 1,
            Subcategories =
            [
                new SenderCategory
                {
                    Code = "0006", Name = "Mall", Depth = 2, ParentCode = "019",
                    Subcategories =
                    [
                        new SenderCategory { Code = "0001", Name = "Open market", Depth = 3, ParentCode = "0006" },
                        new SenderCategory { Code = "0002", Name = "Department", Depth = 3, ParentCode = "0006" },
                    ],
                },
                new SenderCategory { Code = "0007", Name = "Empty", Depth = 2, ParentCode = "019" },
            ],
        },
    ];

    [Test]
    public async Task InvokeAsync_Tree_ReturnsTreeAndEveryLeafTriple()
    {
        var (provider, client) = MockClients.Create();
        client.Setup(c => c.ListSenderCategoriesAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Tree());

        var result = (await TestSupport.Functions.InvokeAsync(new GetSenderCategoriesFunction(provider), PropertyMap.Empty)).Result!;

        var triples = result[FunctionTokens.Triples].ArrayValue.Select(t => t.ObjectValue).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(triples.Select(t => t[SenderProperties.SubLevelCategoryCode].StringValue), Is.EqualTo(new[] { "0001", "0002" }));
            Assert.That(triples[0][SenderProperties.TopLevelCategoryCode].StringValue, Is.EqualTo("019"));
            Assert.That(triples[0][FunctionTokens.Path].StringValue, Is.EqualTo("Shopping > Mall > Open market"));
            var top = result[FunctionTokens.Categories].ArrayValue.Single().ObjectValue;
            Assert.That(top[FunctionTokens.Subcategories].ArrayValue, Has.Length.EqualTo(2));
            Assert.That(top[FunctionTokens.Depth], Is.EqualTo(PropertyValue.Create(1)));
        });
    }

    [Test]
    public async Task Validate_GetSenderWithoutId_FailsNamingIt()
    {
        var (provider, _) = MockClients.Create();
        var failures = (await TestSupport.Functions.InvokeAsync(new GetSenderFunction(provider), PropertyMap.Empty)).Failures;

        Assert.That(failures.Single().Property, Is.EqualTo(SenderProperties.PlusFriendId));
    }

    [Test]
    public async Task InvokeAsync_GetSender_ReturnsOutputsWithSecretPhone()
    {
        var (provider, client) = MockClients.Create();
        client.Setup(c => c.DescribeSenderAsync(Samples.PlusFriendId, It.IsAny<CancellationToken>())).ReturnsAsync(new SenderSnapshot(Samples.Approved(), []));
        var args = new PropertyMapBuilder().Set(SenderProperties.PlusFriendId, Samples.S(Samples.PlusFriendId)).Build();

        var result = (await TestSupport.Functions.InvokeAsync(new GetSenderFunction(provider), args)).Result!;

        Assert.Multiple(() =>
        {
            Assert.That(result[SenderProperties.Status], Is.EqualTo(Samples.S("PENDING_VERIFICATION")));
            Assert.That(result[SenderProperties.AdminPhoneNo].IsSecret, Is.True);
        });
    }
}
